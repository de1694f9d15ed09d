namespace ScheduleExplorer.Runtime;

/// <summary>Helpers on <see cref="SchedulingPointKind"/>.</summary>
public static class SchedulingPointKindExtensions
{
    /// <summary>Whether the kind is a data choice (a recorded value) rather than a scheduling point.</summary>
    public static bool IsDataChoice(this SchedulingPointKind kind) =>
        kind is SchedulingPointKind.RandomBoolean or SchedulingPointKind.RandomInteger or SchedulingPointKind.StaleRead;

    /// <summary>Whether the kind is a data choice between two values (what <c>ISchedulingStrategy.NextBoolean</c> chooses).</summary>
    public static bool IsBooleanChoice(this SchedulingPointKind kind) =>
        kind is SchedulingPointKind.RandomBoolean or SchedulingPointKind.StaleRead;
}
