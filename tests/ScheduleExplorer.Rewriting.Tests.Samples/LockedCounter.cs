namespace ScheduleExplorer.Rewriting.Tests.Samples;

// lock (object) => Monitor.Enter(object, ref bool) / Monitor.Exit(object) in a finally.
public sealed class LockedCounter
{
    private readonly object _gate = new();
    private int _count;

    public int Count => _count;

    public int Increment()
    {
        lock (_gate)
        {
            _count++;
            return _count;
        }
    }
}
