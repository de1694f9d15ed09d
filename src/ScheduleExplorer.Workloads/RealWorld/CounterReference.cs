namespace ScheduleExplorer.Workloads.RealWorld;

/// <summary>
/// The hardware references the counter fixes are measured against: the same number of increments done
/// the cheapest correct ways there are. Each entry checks its total, so it is also a workload like the others.
/// </summary>
public static class CounterReference
{
    // 128 bytes between slots: two workers never write the same cache line (nor adjacent-line prefetch pairs).
    private const int Stride = 16;

    /// <summary>
    /// <paramref name="threads"/> × <paramref name="increments"/> <see cref="Interlocked.Increment(ref long)"/>
    /// calls on the calling thread alone: the cost of one uncontended atomic increment, the floor for any
    /// correct shared counter.
    /// </summary>
    /// <param name="threads">The thread count the total is computed for (no thread is started).</param>
    /// <param name="increments">Increments per (virtual) thread.</param>
    /// <exception cref="InvalidOperationException">The total is wrong (never, on a working machine).</exception>
    public static void UncontendedInterlocked(int threads, int increments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(increments);
        long total = (long)threads * increments;
        long counter = 0;
        for (long i = 0; i < total; i++)
        {
            Interlocked.Increment(ref counter);
        }

        Check(total, counter);
    }

    /// <summary>
    /// <paramref name="threads"/> threads, each incrementing its own cache-line-padded slot
    /// <paramref name="increments"/> times with a plain read-modify-write, summed after the joins: what the
    /// machine does when nothing is shared.
    /// </summary>
    /// <param name="threads">Number of threads (at least 1).</param>
    /// <param name="increments">Increments per thread (at least 0).</param>
    /// <exception cref="InvalidOperationException">The total is wrong (never, on a working machine).</exception>
    public static void PaddedPerThread(int threads, int increments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(increments);
        var slots = new long[(threads + 1) * Stride];
        var bodies = new ThreadStart[threads];
        for (var i = 0; i < threads; i++)
        {
            bodies[i] = new SlotIncrementer(slots, (i + 1) * Stride, increments).Run;
        }

        WorkerThreads.JoinAll(WorkerThreads.Start("worker", bodies));
        long counted = 0;
        for (var i = 0; i < threads; i++)
        {
            counted += slots[(i + 1) * Stride];
        }

        Check((long)threads * increments, counted);
    }

    private static void Check(long expected, long counted)
    {
        if (counted != expected)
        {
            throw new InvalidOperationException($"Lost update: expected {expected} increments, counted {counted}");
        }
    }

    private sealed class SlotIncrementer(long[] slots, int slot, int increments)
    {
        public void Run()
        {
            // An array element, not a local: the increments really go to memory, as a shared counter's would.
            for (var i = 0; i < increments; i++)
            {
                slots[slot] += 1;
            }
        }
    }
}
