namespace ScheduleExplorer.Workloads.SctBench;

/// <summary>
/// SCTBench's <c>twostage</c> (CS/twostage_bad): many writer threads each update <c>data1</c> in one
/// critical section and derive <c>data2 = data1 + 1</c> in a second one; one reader checks, in two
/// critical sections of its own, that it sees <c>data2 == data1 + 1</c>. It fails only when the
/// reader runs both of its sections between the two sections of a writer — one preemption among
/// many threads, which a uniform random walk rarely produces: with 100 writers, the reader is
/// created last. <see cref="Fixed(int)"/> makes each writer's two stages one critical section.
/// </summary>
public static class TwoStage
{
    /// <summary>The writer threads of the parameterless entries (SCTBench's twostage_100).</summary>
    public const int DefaultWriters = 100;

    /// <summary>The bug with 100 writers and one reader.</summary>
    /// <exception cref="InvalidOperationException">The reader saw the first stage without the second (some schedules only).</exception>
    public static void Bad() => Bad(DefaultWriters);

    /// <summary>The bug with <paramref name="writers"/> writers and one reader.</summary>
    /// <param name="writers">Writer threads (at least 1).</param>
    /// <exception cref="InvalidOperationException">The reader saw the first stage without the second (some schedules only).</exception>
    public static void Bad(int writers) => Run(writers, atomicStages: false);

    /// <summary>The fix with 100 writers: each writer's two stages are one critical section.</summary>
    public static void Fixed() => Fixed(DefaultWriters);

    /// <summary>The fix with <paramref name="writers"/> writers.</summary>
    /// <param name="writers">Writer threads (at least 1).</param>
    public static void Fixed(int writers) => Run(writers, atomicStages: true);

    private static void Run(int writers, bool atomicStages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        var state = new TwoStageState();
        var bodies = new ThreadStart[writers + 1];
        for (int i = 0; i < writers; i++)
        {
            bodies[i] = atomicStages ? state.WriteBothStagesAtomically : state.WriteStages;
        }

        bodies[writers] = state.Check;
        var names = new string[bodies.Length];
        for (int i = 0; i < writers; i++)
        {
            names[i] = $"writer {i}";
        }

        names[writers] = "reader";
        WorkerThreads.JoinAll(WorkerThreads.Start(names, bodies));
    }
}
