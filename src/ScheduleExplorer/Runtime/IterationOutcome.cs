using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>What one controlled iteration did.</summary>
internal sealed record IterationOutcome(
    BugReport? Bug,
    int Steps,
    int Operations,
    bool StepBoundReached,
    long VirtualTimeMilliseconds,
    IReadOnlyList<ScheduleStep> Schedule);
