using System.Diagnostics;

namespace ScheduleExplorer.Detection;

/// <summary>A bug found in one iteration: what it is, in one line, and the details a person needs.</summary>
[DebuggerDisplay("{Kind}: {Message}")]
public sealed record BugReport
{
    /// <summary>Creates a report.</summary>
    public BugReport(BugKind kind, string message, string details, string? operation)
    {
        Kind = kind;
        Message = message;
        Details = details;
        Operation = operation;
    }

    /// <summary>The kind of bug.</summary>
    public BugKind Kind { get; }

    /// <summary>One line: what failed.</summary>
    public string Message { get; }

    /// <summary>Several lines: the deadlock cycle, or the exception and its stack trace.</summary>
    public string Details { get; }

    /// <summary>The operation where the bug surfaced, when there is one.</summary>
    public string? Operation { get; }

    /// <summary>
    /// Set when what ended the iteration is not a bug of the code under test but a limit of the
    /// tool (an uncontrolled API, a hang in uncontrolled code): the engine reports it as "could not test".
    /// </summary>
    internal CouldNotTestReport? Inconclusive { get; init; }
}
