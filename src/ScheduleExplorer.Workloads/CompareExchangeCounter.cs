namespace ScheduleExplorer.Workloads;

/// <summary>
/// Lock-free fix written as an explicit CAS retry loop: read the current value, try to publish value + 1,
/// retry if another thread got in between. Gives the scheduler several interleaving points per increment.
/// </summary>
internal sealed class CompareExchangeCounter : ICounter
{
    private long _count;

    /// <inheritdoc />
    public long Total => _count;

    /// <inheritdoc />
    public void Increment(int worker)
    {
        long observed;
        do
        {
            observed = Volatile.Read(ref _count);
        }
        while (Interlocked.CompareExchange(ref _count, observed + 1, observed) != observed);
    }
}
