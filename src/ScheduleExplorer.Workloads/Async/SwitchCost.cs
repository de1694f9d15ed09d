namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// The same shape twice, to compare the cost of a switch: flows that only yield, as async flows
/// (<c>await Task.Yield()</c>: each resumption is a continuation) and as threads
/// (<c>Thread.Yield()</c>). Nothing is shared, so every schedule is correct.
/// </summary>
public static class SwitchCost
{
    /// <summary><paramref name="flows"/> async flows, each awaiting <c>Task.Yield()</c> <paramref name="yields"/> times.</summary>
    /// <param name="flows">Concurrent flows.</param>
    /// <param name="yields">Yields per flow.</param>
    public static Task AsyncYields(int flows, int yields)
    {
        var running = new Task[flows];
        for (int f = 0; f < flows; f++)
        {
            running[f] = YieldAsync(yields);
        }

        return Task.WhenAll(running);
    }

    /// <summary><paramref name="threads"/> threads, each calling <c>Thread.Yield()</c> <paramref name="yields"/> times.</summary>
    /// <param name="threads">Concurrent threads.</param>
    /// <param name="yields">Yields per thread.</param>
    public static void ThreadYields(int threads, int yields)
    {
        var started = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            started[t] = new Thread(() =>
            {
                for (int i = 0; i < yields; i++)
                {
                    Thread.Yield();
                }
            });
            started[t].Start();
        }

        foreach (var thread in started)
        {
            thread.Join();
        }
    }

    private static async Task YieldAsync(int yields)
    {
        for (int i = 0; i < yields; i++)
        {
            await Task.Yield();
        }
    }
}
