namespace ScheduleExplorer.Testing;

/// <summary>
/// What one minimization may cost: runs and steps for the greedy suffix pass, for delta debugging, and for the preemption-bounded
/// search, which is tried only on schedules of at most <see cref="SearchMaxScheduleSteps"/> steps (the
/// number of schedules with k preemptions grows with the k-th power of the length).
/// </summary>
internal sealed record MinimizationBudget(int SuffixRuns, long SuffixSteps, int DeltaDebugRuns, long DeltaDebugSteps, int SearchRuns, long SearchSteps, int SearchMaxScheduleSteps)
{
    /// <summary>
    /// 200 greedy runs or 2,000,000 steps; 200 delta-debugging runs or 2,000,000 steps; 400 search runs or 400,000 steps on schedules of
    /// at most 2,000 steps: a few hundred milliseconds for the bundled bugs.
    /// </summary>
    public static MinimizationBudget Default { get; } = new(200, 2_000_000, 200, 2_000_000, 400, 400_000, 2_000);
}
