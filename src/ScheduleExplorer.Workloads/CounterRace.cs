namespace ScheduleExplorer.Workloads;

/// <summary>Runs the lost-update scenario for any <see cref="ICounter"/>: start workers, join, check the total.</summary>
internal static class CounterRace
{
    /// <summary>
    /// Increments <paramref name="counter"/> from <paramref name="threads"/> threads named "worker i",
    /// <paramref name="increments"/> times each, then checks that no increment was lost.
    /// </summary>
    /// <exception cref="InvalidOperationException">The final count differs from threads × increments.</exception>
    public static void Run(ICounter counter, int threads, int increments)
    {
        var bodies = new ThreadStart[threads];
        for (var i = 0; i < threads; i++)
        {
            bodies[i] = new CounterWorker(counter, i, increments).Run;
        }

        WorkerThreads.JoinAll(WorkerThreads.Start("worker", bodies));

        var expected = (long)threads * increments;
        var counted = counter.Total;
        if (counted != expected)
        {
            throw new InvalidOperationException($"Lost update: expected {expected} increments, counted {counted}");
        }
    }

    /// <summary>Rejects sizes that would make the scenario meaningless.</summary>
    public static void Validate(int threads, int increments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(increments);
    }
}
