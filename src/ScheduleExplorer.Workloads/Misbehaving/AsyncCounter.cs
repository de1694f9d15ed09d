namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// A correct async workload: the awaits serialize the increments, so no schedule loses one.
/// </summary>
public static class AsyncCounter
{
    /// <summary>Increments a counter in two <c>Task.Run</c> work items with a <c>Task.Yield</c> in between.</summary>
    /// <exception cref="InvalidOperationException">The counter is not 2 (cannot happen: the awaits serialize it).</exception>
    public static async Task Run()
    {
        var tally = new Tally();
        await Task.Run(tally.Increment);
        await Task.Yield();
        await Task.Run(tally.Increment);

        if (tally.Count != 2)
        {
            throw new InvalidOperationException($"Async counter: expected 2 increments, counted {tally.Count}");
        }
    }
}
