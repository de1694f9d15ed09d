namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A <see cref="PeriodicTimer"/> loop polling every 10 ms. <see cref="AssumesExactTicks"/> stops it
/// after 35 ms and expects exactly three polls — a timing assumption that fails when the poller is
/// late (a busy thread pool), the classic flaky test. <see cref="WaitsForThreePolls"/> waits for
/// the poller to report its third poll before stopping it.
/// </summary>
public static class PeriodicPoller
{
    /// <summary>The bug: counts on three ticks fitting in 35 ms.</summary>
    /// <exception cref="InvalidOperationException">It did not poll exactly three times.</exception>
    public static Task AssumesExactTicks() => PollAsync(waitForPolls: false);

    /// <summary>Fixed: stops after the poller reported three polls.</summary>
    /// <exception cref="InvalidOperationException">It did not poll exactly three times.</exception>
    public static Task WaitsForThreePolls() => PollAsync(waitForPolls: true);

    private static async Task PollAsync(bool waitForPolls)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var thirdPoll = new TaskCompletionSource();
        int polls = 0;
        var poller = Task.Run(async () =>
        {
            while (await timer.WaitForNextTickAsync())
            {
                if (++polls == 3)
                {
                    thirdPoll.SetResult();
                    return;
                }
            }
        });

        if (waitForPolls)
        {
            await thirdPoll.Task;
        }
        else
        {
            await Task.Delay(35);
        }

        timer.Dispose();
        await poller;
        if (polls != 3)
        {
            throw new InvalidOperationException($"Polled {polls} times, expected 3.");
        }
    }
}
