namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Async APIs the controlled runtime still refuses: each entry must end as "could not test", naming
/// the API, its line and what to use instead, never run its work on the thread pool.
/// </summary>
public static class StillRefused
{
    /// <summary><c>Parallel.ForEachAsync</c> over an <see cref="IAsyncEnumerable{T}"/>.</summary>
    public static Task ParallelForEachAsyncOverStream()
    {
        int seen = 0;
        return Parallel.ForEachAsync(Items(), (item, _) =>
        {
            Interlocked.Add(ref seen, item);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>An APM pair wrapped by <c>TaskFactory.FromAsync</c>.</summary>
    public static Task FromAsyncPair()
    {
        Action work = () => { };
        return Task.Factory.FromAsync((callback, state) => Task.Run(work).ContinueWith(t => callback!(t)), _ => { }, null);
    }

    private static async IAsyncEnumerable<int> Items()
    {
        await Task.Yield();
        yield return 1;
    }
}
