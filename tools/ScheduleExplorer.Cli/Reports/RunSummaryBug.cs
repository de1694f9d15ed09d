namespace ScheduleExplorer.Cli.Reports;

/// <summary>The bug of a <see cref="RunSummary"/>.</summary>
internal sealed record RunSummaryBug
{
    /// <summary>The bug kind, such as "Deadlock" or "UnhandledException".</summary>
    public required string Kind { get; init; }

    /// <summary>The one-line message.</summary>
    public required string Message { get; init; }

    /// <summary>For a data race: the memory and the two accesses.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Detection.DataRaceFacts? Race { get; init; }

    /// <summary>For a deadlock: the wait-for edges.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Detection.DeadlockFacts? Deadlock { get; init; }
}
