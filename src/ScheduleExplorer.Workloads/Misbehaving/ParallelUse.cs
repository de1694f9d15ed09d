namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Uses <c>Parallel.Invoke</c>, which the controlled runtime does not schedule yet: the harness must
/// REPORT it as uncontrolled (naming the API and the line) rather than run it on the thread pool.
/// </summary>
public static class ParallelUse
{
    /// <summary>Two increments in <c>Parallel.Invoke</c>.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost.</exception>
    public static void Run()
    {
        var tally = new Tally();
        Parallel.Invoke(tally.Increment, tally.Increment);
        if (tally.Count != 2)
        {
            throw new InvalidOperationException($"Lost update: expected 2 increments, counted {tally.Count}");
        }
    }
}
