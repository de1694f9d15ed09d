using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// One recorded step of a schedule: the operation <see cref="By"/> reached a scheduling point of
/// <see cref="Kind"/> at <see cref="Site"/>, and the strategy chose <see cref="Next"/> to run; or,
/// for <see cref="SchedulingPointKind.RandomBoolean"/> and <see cref="SchedulingPointKind.RandomInteger"/>,
/// the data choice <see cref="Value"/> was made.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly record struct ScheduleStep(
    SchedulingPointKind Kind,
    int By,
    int Next,
    int Value,
    string? Site,
    string? Target)
{
    /// <summary>Whether this step is a data choice rather than a scheduling decision.</summary>
    public bool IsDataChoice => Kind.IsDataChoice();

    /// <inheritdoc/>
    public override string ToString() => IsDataChoice
        ? $"{Kind} by op {By} = {Value}"
        : $"{Kind} by op {By}{(Target is null ? "" : $" on {Target}")}{(Site is null ? "" : $" at {Site}")} -> op {Next}";
}
