namespace ScheduleExplorer.Workloads;

/// <summary>
/// The <see cref="LostUpdate"/> family as a measurement rather than a check: runs the same counter on the
/// same threads and returns what it counted, without throwing when updates were lost. A real-run harness
/// uses it to say how many updates were lost (expected − counted) without parsing an exception message.
/// </summary>
public static class LostUpdateCount
{
    /// <summary>
    /// Increments the <paramref name="variant"/>'s counter from <paramref name="threads"/> threads named
    /// "worker i", <paramref name="increments"/> times each, joins them and returns the counted total.
    /// </summary>
    /// <param name="variant">Which counter (the entry of the same name in <see cref="LostUpdate"/>).</param>
    /// <param name="threads">Number of worker threads (at least 1).</param>
    /// <param name="increments">Increments per thread (at least 0).</param>
    /// <returns>The counter's total; less than <see cref="Expected"/> when updates were lost.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or <paramref name="variant"/> is unknown.</exception>
    public static long Count(CounterVariant variant, int threads, int increments)
    {
        CounterRace.Validate(threads, increments);
        ICounter counter = variant switch
        {
            CounterVariant.Unsynchronized => new RacyCounter(),
            CounterVariant.Locked => new MonitorCounter(),
            CounterVariant.LockedWithLock => new LockCounter(),
            CounterVariant.Interlocked => new InterlockedCounter(),
            CounterVariant.CompareExchangeLoop => new CompareExchangeCounter(),
            CounterVariant.StripedCounter => new PaddedStripedCounter(threads),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown counter variant."),
        };

        var bodies = new ThreadStart[threads];
        for (var i = 0; i < threads; i++)
        {
            bodies[i] = new CounterWorker(counter, i, increments).Run;
        }

        WorkerThreads.JoinAll(WorkerThreads.Start("worker", bodies));
        return counter.Total;
    }

    /// <summary>The total a correct counter reaches: <paramref name="threads"/> × <paramref name="increments"/>.</summary>
    public static long Expected(int threads, int increments) => (long)threads * increments;
}
