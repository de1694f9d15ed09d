namespace ScheduleExplorer.Workloads;

/// <summary>
/// Fix by not sharing: every worker increments its own slot, and the slots are summed after the joins.
/// Slots are <see cref="Stride"/> longs (128 bytes) apart so two workers never write the same cache line
/// (no false sharing); slot 0 is skipped so the first counter does not share a line with the array header.
/// </summary>
internal sealed class PaddedStripedCounter : ICounter
{
    private const int Stride = 16;

    private readonly long[] _slots;
    private readonly int _workers;

    /// <summary>Allocates one padded slot per worker.</summary>
    public PaddedStripedCounter(int workers)
    {
        _workers = workers;
        _slots = new long[(workers + 1) * Stride];
    }

    /// <inheritdoc />
    public long Total
    {
        get
        {
            long total = 0;
            for (var worker = 0; worker < _workers; worker++)
            {
                total += _slots[SlotOf(worker)];
            }

            return total;
        }
    }

    /// <inheritdoc />
    public void Increment(int worker)
    {
        // Only worker "worker" ever touches this slot, so the plain read-modify-write is race-free.
        _slots[SlotOf(worker)] += 1;
    }

    private static int SlotOf(int worker) => (worker + 1) * Stride;
}
