namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Concurrency APIs: the controlled ones are redirected; the others get an UncontrolledCall.Check.
public static class Uncontrolled
{
    public static int RunOnPool() => Task.Run(() => 1).Result;

    public static Task StartOnTheDefaultScheduler() =>
        Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);

    public static RegisteredWaitHandle WaitOnPool(WaitHandle handle) =>
        ThreadPool.RegisterWaitForSingleObject(handle, static (_, _) => { }, null, Timeout.Infinite, executeOnlyOnce: true);

    public static bool WaitAsync(SemaphoreSlim semaphore) => semaphore.WaitAsync(0).Result;

    public static void StartTimer()
    {
        using var timer = new Timer(_ => { }, null, Timeout.Infinite, Timeout.Infinite);
    }
}
