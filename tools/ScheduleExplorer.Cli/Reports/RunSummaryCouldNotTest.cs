namespace ScheduleExplorer.Cli.Reports;

/// <summary>The "could not test" verdict of a <see cref="RunSummary"/>.</summary>
internal sealed record RunSummaryCouldNotTest
{
    /// <summary>The cause: "UncontrolledApi", "UncontrolledThread", "StepBound" or "Hang".</summary>
    public required string Cause { get; init; }

    /// <summary>What could not be tested, with its site ("Task.Run (uncontrolled API) at Jobs.cs:12 …").</summary>
    public required string Message { get; init; }

    /// <summary>What to do about it.</summary>
    public required string Advice { get; init; }

    /// <summary>The 1-based iteration where it happened, if one iteration's.</summary>
    public required int? Iteration { get; init; }
}
