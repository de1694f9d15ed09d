namespace ScheduleExplorer.Workloads;

/// <summary>The classic fix: the read-modify-write happens inside <c>lock</c> on a private gate object (Monitor).</summary>
internal sealed class MonitorCounter : ICounter
{
    // A dedicated object (not "this") so nothing outside can take the same monitor.
    private readonly object _gate = new();
    private long _count;

    /// <inheritdoc />
    public long Total => _count;

    /// <inheritdoc />
    public void Increment(int worker)
    {
        lock (_gate)
        {
            _count += 1;
        }
    }
}
