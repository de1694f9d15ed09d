namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A <see cref="System.Timers.Timer"/> whose Elapsed handler is slower than its interval. With
/// <c>AutoReset</c> (<see cref="Overlapping"/>) the next tick starts while the previous handler
/// still runs, and their read-then-write of the tick count loses updates; <see cref="OneAtATime"/>
/// makes the timer one-shot and restarts it at the end of the handler, so handlers never overlap.
/// </summary>
public sealed class ReentrantTicks
{
    private const int Ticks = 3;
    private int _started;
    private int _ticks;
    private int _finished;

    /// <summary>The bug: handlers of consecutive ticks overlap.</summary>
    /// <exception cref="InvalidOperationException">A tick was lost.</exception>
    public static void Overlapping() => new ReentrantTicks().Run(oneAtATime: false);

    /// <summary>Fixed: a one-shot timer restarted by its handler.</summary>
    /// <exception cref="InvalidOperationException">A tick was lost, or the timer did not tick three times.</exception>
    public static void OneAtATime() => new ReentrantTicks().Run(oneAtATime: true);

    private void Run(bool oneAtATime)
    {
        using var done = new ManualResetEventSlim();
        using var timer = new System.Timers.Timer(100) { AutoReset = !oneAtATime };
        timer.Elapsed += (_, _) =>
        {
            if (Interlocked.Increment(ref _started) > Ticks)
            {
                return;
            }

            int seen = _ticks;
            Thread.Sleep(150);
            _ticks = seen + 1;
            if (oneAtATime && _ticks < Ticks)
            {
                timer.Start();
            }

            if (Interlocked.Increment(ref _finished) == Ticks)
            {
                done.Set();
            }
        };
        timer.Start();
        done.Wait();

        timer.Stop();
        int started = Math.Min(Volatile.Read(ref _started), Ticks);
        if (_ticks != started || _ticks != Ticks)
        {
            throw new InvalidOperationException($"Overlapping Elapsed handlers lost ticks: {started} started, {_ticks} counted.");
        }
    }
}
