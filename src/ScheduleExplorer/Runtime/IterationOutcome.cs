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
    IReadOnlyList<ScheduleStep> Schedule);
