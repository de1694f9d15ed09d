namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>What part of a trace <see cref="TraceViews"/> renders, and where it finds the source text.</summary>
public sealed record TraceViewOptions
{
    /// <summary>The width of the text rendering in columns (at least 60); 120 by default.</summary>
    public int Width { get; init; } = 120;

    /// <summary>The first step shown (1-based, inclusive); null for the first.</summary>
    public int? FirstStep { get; init; }

    /// <summary>The last step shown (1-based, inclusive); null for the last.</summary>
    public int? LastStep { get; init; }

    /// <summary>The operations shown, by id; empty for all.</summary>
    public IReadOnlyList<int> Operations { get; init; } = [];

    /// <summary>Folders searched (recursively, by file name) for the source files the trace's sites name; empty: no source text.</summary>
    public IReadOnlyList<string> SourceRoots { get; init; } = [];

    /// <summary>Whether step <paramref name="number"/> (1-based) of operation <paramref name="operation"/> is shown.</summary>
    internal bool Shows(int number, int operation) =>
        (FirstStep is not { } first || number >= first)
        && (LastStep is not { } last || number <= last)
        && (Operations.Count == 0 || Operations.Contains(operation));

    /// <summary>Whether lane <paramref name="operation"/> is shown.</summary>
    internal bool ShowsLane(int operation) => Operations.Count == 0 || Operations.Contains(operation);
}
