using System.Diagnostics;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Trace"/> assertions: under a controlled run a failed <c>Trace.Assert</c> or
/// a <c>Trace.Fail</c> throws <see cref="AssertionFailureException"/> instead of ending the process.
/// </summary>
public static class ControlledTrace
{
    /// <inheritdoc cref="Trace.Assert(bool)"/>
    public static void Assert(bool condition) => Assert(condition, string.Empty, string.Empty);

    /// <inheritdoc cref="Trace.Assert(bool, string)"/>
    public static void Assert(bool condition, string? message) => Assert(condition, message, string.Empty);

    /// <inheritdoc cref="Trace.Assert(bool, string, string)"/>
    public static void Assert(bool condition, string? message, string? detailMessage)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            Trace.Assert(condition, message, detailMessage);
            return;
        }

        if (!condition)
        {
            throw new AssertionFailureException(ControlledDebug.Describe("Trace.Assert failed", message, detailMessage));
        }
    }

    /// <inheritdoc cref="Trace.Fail(string)"/>
    public static void Fail(string? message) => Fail(message, string.Empty);

    /// <inheritdoc cref="Trace.Fail(string, string)"/>
    public static void Fail(string? message, string? detailMessage)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            Trace.Fail(message, detailMessage);
            return;
        }

        throw new AssertionFailureException(ControlledDebug.Describe("Trace.Fail", message, detailMessage));
    }
}
