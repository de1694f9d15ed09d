namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// What <see cref="System.Timers.Timer"/> promises, checked step by step: a one-shot timer fires
/// once and disables itself; setting <c>Interval</c> on it afterwards fires it again (the
/// underlying timer is still armed); <c>Stop</c> and <c>Close</c> stop the ticks; after
/// <c>Dispose</c>, <c>Start</c> throws. (A handler already running when <c>Stop</c> is called
/// still ends.)
/// </summary>
public static class ElapsedTimerSemantics
{
    /// <summary>Runs every check, waiting between them.</summary>
    /// <exception cref="InvalidOperationException">A check failed.</exception>
    public static void Run()
    {
        int fired = 0;
        int running = 0;
        var timer = new System.Timers.Timer(50) { AutoReset = false };
        timer.Elapsed += (sender, args) =>
        {
            Interlocked.Increment(ref running);
            if (!ReferenceEquals(sender, timer))
            {
                throw new InvalidOperationException("The sender is not the timer.");
            }

            Interlocked.Increment(ref fired);
            Interlocked.Decrement(ref running);
        };
        Expect(!timer.Enabled && timer.Interval == 50 && !timer.AutoReset, "a new timer is disabled");
        timer.Start();
        WaitUntil(() => Volatile.Read(ref fired) == 1, "a one-shot timer fires");
        Thread.Sleep(200);
        Expect(Volatile.Read(ref fired) == 1 && !timer.Enabled, "a one-shot timer fires once and disables itself");
        timer.Interval = 60;
        WaitUntil(() => Volatile.Read(ref fired) == 2, "setting Interval on a fired one-shot timer fires it again");
        timer.AutoReset = true;
        timer.Enabled = true;
        WaitUntil(() => Volatile.Read(ref fired) >= 4, "a periodic timer ticks again and again");
        timer.Stop();

        // Stop does not wait for a handler already running: let it end before counting.
        Thread.Sleep(50);
        WaitUntil(() => Volatile.Read(ref running) == 0, "the running handler ends");
        int afterStop = Volatile.Read(ref fired);
        Thread.Sleep(200);
        Expect(Volatile.Read(ref fired) == afterStop, "Stop stops the ticks");
        timer.Start();
        timer.Close();
        Thread.Sleep(50);
        WaitUntil(() => Volatile.Read(ref running) == 0, "the running handler ends");
        afterStop = Volatile.Read(ref fired);
        Thread.Sleep(200);
        Expect(Volatile.Read(ref fired) == afterStop && !timer.Enabled, "Close stops the ticks");
        timer.Dispose();
        try
        {
            timer.Start();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        throw new InvalidOperationException("Start after Dispose did not throw.");
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        for (int waited = 0; !condition(); waited += 10)
        {
            Expect(waited < 10_000, what + " within 10 s");
            Thread.Sleep(10);
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"System.Timers.Timer: expected that {what}.");
        }
    }
}
