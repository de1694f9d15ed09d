namespace ScheduleExplorer.Workloads;

/// <summary>Lock-free fix: a single atomic <see cref="Interlocked.Increment(ref long)"/>.</summary>
internal sealed class InterlockedCounter : ICounter
{
    private long _count;

    /// <inheritdoc />
    public long Total => _count;

    /// <inheritdoc />
    public void Increment(int worker)
    {
        Interlocked.Increment(ref _count);
    }
}
