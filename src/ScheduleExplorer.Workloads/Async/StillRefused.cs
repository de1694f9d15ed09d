namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Async APIs the controlled runtime still refuses: each entry must end as "could not test", naming
/// the API, its line and what to use instead, never run its work on the thread pool.
/// </summary>
public static class StillRefused
{
    /// <summary>A <c>Parallel.For</c> body taking a <see cref="ParallelLoopState"/>.</summary>
    public static void ParallelForWithLoopState()
    {
        int seen = 0;
        Parallel.For(0, 4, (i, state) =>
        {
            Interlocked.Increment(ref seen);
            if (i == 2)
            {
                state.Break();
            }
        });
    }

    /// <summary>An APM pair wrapped by <c>TaskFactory.FromAsync</c>.</summary>
    public static Task FromAsyncPair()
    {
        Action work = () => { };
        return Task.Factory.FromAsync((callback, state) => Task.Run(work).ContinueWith(t => callback!(t)), _ => { }, null);
    }
}
