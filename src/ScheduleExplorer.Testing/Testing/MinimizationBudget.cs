namespace ScheduleExplorer.Testing;

/// <summary>
/// What one minimization may cost: runs and steps for the greedy suffix pass, for delta debugging, and for the preemption-bounded
/// search, which is tried only on schedules of at most <see cref="SearchMaxScheduleSteps"/> steps (the
/// number of schedules with k preemptions grows with the k-th power of the length). Once the search has proven the count, at most
/// <see cref="ShortenRuns"/> more runs look for a shorter schedule with it. A deadlock's cycle pass runs at most <see cref="CycleRuns"/>
/// schedules, two per member of the cycle.
/// </summary>
internal sealed record MinimizationBudget(int SuffixRuns, long SuffixSteps, int DeltaDebugRuns, long DeltaDebugSteps, int SearchRuns, long SearchSteps, int SearchMaxScheduleSteps, int ShortenRuns = 100, int CycleRuns = 32)
{
    /// <summary>
    /// 200 greedy runs or 2,000,000 steps; 200 delta-debugging runs or 2,000,000 steps; 1,500 search runs or 400,000 steps on schedules of
    /// at most 2,000 steps, of which 100 after the proof: a few hundred milliseconds for the bundled bugs (proving that five
    /// philosophers need one preemption takes about 760 runs of 68 steps: every schedule without one).
    /// </summary>
    public static MinimizationBudget Default { get; } = new(200, 2_000_000, 200, 2_000_000, 1_500, 400_000, 2_000);
}
