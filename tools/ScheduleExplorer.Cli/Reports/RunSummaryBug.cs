namespace ScheduleExplorer.Cli.Reports;

/// <summary>The bug of a <see cref="RunSummary"/>.</summary>
internal sealed record RunSummaryBug
{
    /// <summary>The bug kind, such as "Deadlock" or "UnhandledException".</summary>
    public required string Kind { get; init; }

    /// <summary>The one-line message.</summary>
    public required string Message { get; init; }
}
