using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Cli.Isolation;

/// <summary>What an isolated child streamed before it ended: the run's names and the schedule it was in.</summary>
internal sealed record StreamedSchedule
{
    /// <summary>Whether the child reached the start of exploring.</summary>
    public required bool Started { get; init; }

    /// <summary>Whether the child's command returned normally (its own output and exit code are the result).</summary>
    public required bool Finished { get; init; }

    /// <summary>Whether a record was dropped because the stream was full (the steps are then incomplete).</summary>
    public required bool Overflowed { get; init; }

    /// <summary>The workload assembly's simple name.</summary>
    public required string Assembly { get; init; }

    /// <summary>The workload module's MVID.</summary>
    public required Guid Mvid { get; init; }

    /// <summary>The test method's full name.</summary>
    public required string Method { get; init; }

    /// <summary>The strategy's name.</summary>
    public required string Strategy { get; init; }

    /// <summary>The 0-based iteration that was running.</summary>
    public required int Iteration { get; init; }

    /// <summary>Operation names by id.</summary>
    public required IReadOnlyList<string> Operations { get; init; }

    /// <summary>The steps of the schedule that was running, in order.</summary>
    public required IReadOnlyList<ScheduleStep> Steps { get; init; }
}
