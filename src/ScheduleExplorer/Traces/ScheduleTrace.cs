using System.Diagnostics;

namespace ScheduleExplorer.Traces;

/// <summary>
/// A replayable record of one iteration: which workload, how it was explored, and every step
/// (which operation ran at which scheduling point, and every data choice). A trace is a value;
/// the same seed and configuration give a byte-identical file.
/// </summary>
[DebuggerDisplay("{Method} [{Strategy}, seed {Seed}, iteration {Iteration}]: {Steps.Count} steps")]
public sealed record ScheduleTrace
{
    /// <summary>The trace format this build writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The format version of this trace.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The harness that wrote it, such as "ScheduleExplorer 0.1.0".</summary>
    public required string Harness { get; init; }

    /// <summary>The workload assembly's simple name.</summary>
    public required string Assembly { get; init; }

    /// <summary>The MVID of the original (un-rewritten) workload module: a rebuilt assembly has another.</summary>
    public required Guid Mvid { get; init; }

    /// <summary>The test method's full name, "Namespace.Type.Method".</summary>
    public required string Method { get; init; }

    /// <summary>The strategy that found the schedule, such as "random" or "pct(3)".</summary>
    public required string Strategy { get; init; }

    /// <summary>The run's seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The 0-based iteration this schedule was recorded in.</summary>
    public required int Iteration { get; init; }

    /// <summary>Options that change the shape of the schedule, needed to replay it.</summary>
    public required TraceSettings Options { get; init; }

    /// <summary>The bug this schedule leads to, if any.</summary>
    public TraceBug? Bug { get; init; }

    /// <summary>How many times the schedule takes the baton from an operation that could have continued.</summary>
    public int Preemptions { get; init; }

    /// <summary>Operation names by id (0 is the main flow).</summary>
    public required IReadOnlyList<string> Operations { get; init; }

    /// <summary>The steps, in order.</summary>
    public required IReadOnlyList<TraceStep> Steps { get; init; }
}
