namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// A bug that needs both a data choice and a schedule: two threads draw <c>new Random().Next(2)</c> and
/// increment a plain counter on 1. It fails only when both drew 1 AND the increments interleaved. The
/// harness must control (or record) the random draws so the failing trace replays.
/// </summary>
public static class RandomChoice
{
    /// <summary>Runs threads "worker 0" and "worker 1"; throws when both chose 1 and an increment was lost.</summary>
    /// <exception cref="InvalidOperationException">Both threads chose 1 and the counter ended at 1.</exception>
    public static void Run()
    {
        var tally = new Tally();
        var first = new RandomIncrementer(tally);
        var second = new RandomIncrementer(tally);
        var threads = WorkerThreads.Start("worker", [first.Run, second.Run]);
        WorkerThreads.JoinAll(threads);

        var expected = first.Choice + second.Choice;
        if (tally.Count != expected)
        {
            throw new InvalidOperationException(
                $"Lost update: both threads chose 1, expected {expected} increments, counted {tally.Count}");
        }
    }
}
