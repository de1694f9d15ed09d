namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Uses the thread pool: the work item is a controlled operation, so the race it hides (pool item and caller
/// increment the same plain field) is found.
/// </summary>
public static class ThreadPoolUse
{
    /// <summary>Queues a work item with <c>ThreadPool.QueueUserWorkItem</c>, races it, waits on a ManualResetEventSlim.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (rare on real threads).</exception>
    public static void Run()
    {
        var tally = new Tally();
        using var done = new ManualResetEventSlim();

        ThreadPool.QueueUserWorkItem(new PoolWorkItem(tally, done).Run);
        tally.Increment();
        done.Wait();

        if (tally.Count != 2)
        {
            throw new InvalidOperationException($"Lost update: expected 2 increments, counted {tally.Count}");
        }
    }
}
