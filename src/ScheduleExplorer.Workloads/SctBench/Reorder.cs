namespace ScheduleExplorer.Workloads.SctBench;

/// <summary>
/// SCTBench's <c>reorder</c> (CS/reorder_N_bad): N − 1 setter threads each write <c>a = 1</c> then
/// <c>b = -1</c>; one checker asserts it sees both writes or neither. It fails only when the checker
/// reads between a setter's two writes; the checker is created last, after all setters, so a
/// uniform random walk rarely interleaves it with a setter. <see cref="Fixed(int)"/> writes and
/// reads the pair under one lock.
/// </summary>
public static class Reorder
{
    /// <summary>The threads of the parameterless entries (SCTBench's reorder_20: 19 setters and a checker).</summary>
    public const int DefaultThreads = 20;

    /// <summary>The bug with 20 threads.</summary>
    /// <exception cref="InvalidOperationException">The checker saw one write without the other (some schedules only).</exception>
    public static void Bad() => Bad(DefaultThreads);

    /// <summary>The bug with <paramref name="threads"/> threads: <paramref name="threads"/> − 1 setters and one checker.</summary>
    /// <param name="threads">Threads in all (at least 2).</param>
    /// <exception cref="InvalidOperationException">The checker saw one write without the other (some schedules only).</exception>
    public static void Bad(int threads) => Run(threads, locked: false);

    /// <summary>The fix with 20 threads.</summary>
    public static void Fixed() => Fixed(DefaultThreads);

    /// <summary>The fix with <paramref name="threads"/> threads: the pair is written and read under one lock.</summary>
    /// <param name="threads">Threads in all (at least 2).</param>
    public static void Fixed(int threads) => Run(threads, locked: true);

    private static void Run(int threads, bool locked)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 2);
        var state = new ReorderState();
        var bodies = new ThreadStart[threads];
        var names = new string[threads];
        for (int i = 0; i < threads - 1; i++)
        {
            bodies[i] = locked ? state.SetLocked : state.Set;
            names[i] = $"setter {i}";
        }

        bodies[threads - 1] = locked ? state.CheckLocked : state.Check;
        names[threads - 1] = "checker";
        WorkerThreads.JoinAll(WorkerThreads.Start(names, bodies));
    }
}
