namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Async APIs the controlled runtime still refuses: each entry must end as "could not test", naming
/// the API, its line and what to use instead, never run its work on the thread pool.
/// </summary>
public static class StillRefused
{
    /// <summary>A wait on a handle registered with the thread pool, whose callback runs on a pool thread.</summary>
    public static void RegisteredWait()
    {
        using var signal = new ManualResetEvent(initialState: false);
        var registration = ThreadPool.RegisterWaitForSingleObject(signal, (_, _) => { }, null, Timeout.Infinite, executeOnlyOnce: true);
        signal.Set();
        registration.Unregister(signal);
    }
}
