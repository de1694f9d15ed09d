namespace ScheduleExplorer.Traces;

/// <summary>The bug a trace leads to, in a form that compares across runs.</summary>
public sealed record TraceBug
{
    /// <summary>The bug kind, such as "Deadlock".</summary>
    public required string Kind { get; init; }

    /// <summary>The one-line message.</summary>
    public required string Message { get; init; }
}
