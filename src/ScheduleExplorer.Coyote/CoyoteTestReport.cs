namespace ScheduleExplorer.Coyote;

/// <summary>The outcome of a Coyote run or replay, in the shape of ScheduleExplorer's <c>TestReport</c>.</summary>
public sealed record CoyoteTestReport
{
    /// <summary>The entry's full name, with its arguments: "Namespace.Type.Method(3, 1)".</summary>
    public required string Method { get; init; }

    /// <summary>The strategy's name as Coyote prints it ("random", "prioritization", …, "replay").</summary>
    public required string Strategy { get; init; }

    /// <summary>The seed.</summary>
    public required uint Seed { get; init; }

    /// <summary>Iterations run (up to and including the one that found the bug).</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether Coyote reported a bug.</summary>
    public bool BugFound => BugMessage is not null;

    /// <summary>The 1-based iteration of the first bug, if any.</summary>
    public int? FirstBugIteration { get; init; }

    /// <summary>Coyote's bug report text (the first one), if any.</summary>
    public string? BugMessage { get; init; }

    /// <summary>The file holding Coyote's reproducible trace of the bug, if one was written.</summary>
    public string? TracePath { get; init; }

    /// <summary>Coyote's reproducible trace (JSON) of the bug; empty when none.</summary>
    public string ReproducibleTrace { get; init; } = string.Empty;

    /// <summary>Calls Coyote saw but does not control (for example <c>System.Threading.Lock.EnterScope</c>).</summary>
    public IReadOnlyList<string> UncontrolledInvocations { get; init; } = [];

    /// <summary>Scheduling steps Coyote explored, over all iterations.</summary>
    public long TotalSteps { get; init; }

    /// <summary>Time of the run, rewriting excluded.</summary>
    public TimeSpan Elapsed { get; init; }
}
