using System.Diagnostics;

namespace ScheduleExplorer.Detection;

/// <summary>
/// Why a run could not test the code: neither "bug" nor "no bug" would be true. Names what escaped
/// control (the API and its <c>File.cs:line</c>, the stuck call, the step bound) and what to do.
/// </summary>
[DebuggerDisplay("{Cause}: {Message}")]
public sealed record CouldNotTestReport
{
    /// <summary>Creates a report.</summary>
    public CouldNotTestReport(CouldNotTestCause cause, string message, string advice, string details)
    {
        Cause = cause;
        Message = message;
        Advice = advice;
        Details = details;
    }

    /// <summary>The cause.</summary>
    public CouldNotTestCause Cause { get; }

    /// <summary>One line: what could not be tested, such as "ThreadPool.QueueUserWorkItem (uncontrolled API) at Pool.cs:12".</summary>
    public string Message { get; }

    /// <summary>What to do about it.</summary>
    public string Advice { get; }

    /// <summary>Several lines: the stack of the call, or the stuck operation's stack.</summary>
    public string Details { get; }

    /// <summary>The 1-based iteration where it happened, when it is one iteration's doing.</summary>
    public int? Iteration { get; init; }

    /// <summary>"Could not test: {Message} — {Advice}", the line every face prints.</summary>
    public string Summary => $"Could not test: {Message} — {Advice}";
}
