using System.Diagnostics;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Debug"/> assertions: under a controlled run a failed <c>Debug.Assert</c> or
/// a <c>Debug.Fail</c> throws <see cref="AssertionFailureException"/> (reported as a bug) instead of
/// ending the process.
/// </summary>
public static class ControlledDebug
{
    /// <inheritdoc cref="Debug.Assert(bool)"/>
    public static void Assert(bool condition) => Assert(condition, string.Empty, string.Empty);

    /// <inheritdoc cref="Debug.Assert(bool, string)"/>
    public static void Assert(bool condition, string? message) => Assert(condition, message, string.Empty);

    /// <inheritdoc cref="Debug.Assert(bool, string, string)"/>
    public static void Assert(bool condition, string? message, string? detailMessage)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            Debug.Assert(condition, message, detailMessage);
            return;
        }

        if (!condition)
        {
            throw new AssertionFailureException(Describe("Debug.Assert failed", message, detailMessage));
        }
    }

    /// <inheritdoc cref="Debug.Fail(string)"/>
    public static void Fail(string? message) => Fail(message, string.Empty);

    /// <inheritdoc cref="Debug.Fail(string, string)"/>
    public static void Fail(string? message, string? detailMessage)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            Debug.Fail(message, detailMessage);
            return;
        }

        throw new AssertionFailureException(Describe("Debug.Fail", message, detailMessage));
    }

    internal static string Describe(string what, string? message, string? detailMessage) =>
        string.IsNullOrEmpty(message) ? what
        : string.IsNullOrEmpty(detailMessage) ? $"{what}: {message}"
        : $"{what}: {message} ({detailMessage})";
}
