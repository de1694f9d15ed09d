namespace ScheduleExplorer.Rewriting.Tests.Samples;

// lock (Lock) => Lock.EnterScope() / Lock.Scope.Dispose(), no Monitor at all.
public sealed class ScopedCounter
{
    private readonly Lock _lock = new();
    private int _count;

    public int Increment()
    {
        lock (_lock)
        {
            return ++_count;
        }
    }

    public bool IsHeld() => _lock.IsHeldByCurrentThread;
}
