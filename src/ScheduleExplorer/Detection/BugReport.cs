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

    /// <summary>For a <see cref="BugKind.DataRace"/>: the memory and the two accesses.</summary>
    public DataRaceFacts? Race { get; init; }

    /// <summary>For a <see cref="BugKind.Deadlock"/>: the wait-for edges.</summary>
    public DeadlockFacts? Deadlock { get; init; }

    /// <summary>
    /// Set when what ended the iteration is not a bug of the code under test but a limit of the
    /// tool (an uncontrolled API, a hang in uncontrolled code): the engine reports it as "could not test".
    /// </summary>
    internal CouldNotTestReport? Inconclusive { get; init; }

    /// <summary>
    /// What makes two failures the same bug, whatever the schedule: the exception's type and the user
    /// line that threw it, or the deadlock's wait-for edges. Unlike <see cref="Message"/> it leaves out
    /// the values a schedule changes ("expected 3 but was 2"). Null when only the kind is known.
    /// </summary>
    internal string? Signature { get; init; }

    /// <summary>Whether <paramref name="other"/> is the same bug: same kind, and same signature when both have one.</summary>
    internal bool IsSameBug(BugReport? other) =>
        other is not null && other.Kind == Kind && (Signature is null || other.Signature is null || string.Equals(Signature, other.Signature, StringComparison.Ordinal));
}
