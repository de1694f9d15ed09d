using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>What one controlled iteration did.</summary>
internal sealed record IterationOutcome(
    BugReport? Bug,
    string? Divergence,
    int Steps,
    int ContextSwitches,
    int Preemptions,
    IReadOnlyList<string> Operations,
    bool StepBoundReached,
    long VirtualTimeMilliseconds,
    IReadOnlyList<ScheduleStep> Schedule)
{
    /// <summary>A data race found in an iteration that had no other bug (its schedule is kept), unless the scheduler reports races as bugs.</summary>
    public BugReport? Race { get; init; }
}
