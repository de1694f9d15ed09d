namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Workloads that never terminate. They must never be run on real threads without a watchdog: the main
/// thread joins threads that never finish.
/// </summary>
public static class Spinning
{
    /// <summary>
    /// Thread "spinner 0" loops forever incrementing a local: no shared access, hence no scheduling point.
    /// The harness must turn this hang into a report (a wall-clock / instruction watchdog), not hang itself.
    /// </summary>
    public static void InfiniteLoopWithoutSharedAccess()
    {
        var spinner = new Spinner();
        var threads = WorkerThreads.Start("spinner", [spinner.Run]);
        WorkerThreads.JoinAll(threads);
    }

    /// <summary>
    /// Threads "worker 0" and "worker 1" each busy-wait (plain field reads) for a flag the other sets only
    /// after its own wait: never terminates. The harness must report that the step bound was reached.
    /// </summary>
    public static void LivelockOnFlag()
    {
        var flags = new FlagPair();
        var threads = WorkerThreads.Start("worker", [flags.RunFirst, flags.RunSecond]);
        WorkerThreads.JoinAll(threads);
    }
}
