using System.Globalization;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Environment"/>: <c>TickCount</c> and <c>TickCount64</c> read virtual time, and
/// <c>Exit</c>/<c>FailFast</c> end the iteration as a bug (with its trace) instead of the process.
/// </summary>
public static class ControlledEnvironment
{
    /// <inheritdoc cref="Environment.TickCount"/>
    public static int get_TickCount() =>
        ControlledScheduler.CurrentOperation is { } operation ? unchecked((int)VirtualClock.Milliseconds(operation)) : Environment.TickCount;

    /// <inheritdoc cref="Environment.TickCount64"/>
    public static long get_TickCount64() =>
        ControlledScheduler.CurrentOperation is { } operation ? VirtualClock.Milliseconds(operation) : Environment.TickCount64;

    /// <inheritdoc cref="Environment.CurrentManagedThreadId"/>
    public static int get_CurrentManagedThreadId() =>
        ControlledScheduler.CurrentOperation is { } operation ? ControlledThread.IdOf(operation) : Environment.CurrentManagedThreadId;

    /// <inheritdoc cref="Environment.Exit(int)"/>
    public static void Exit(int exitCode)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            Environment.Exit(exitCode);
        }

        throw new ProcessExitException(string.Create(CultureInfo.InvariantCulture, $"Environment.Exit({exitCode})"), ControlledSite.Current);
    }

    /// <inheritdoc cref="Environment.FailFast(string)"/>
    public static void FailFast(string? message) => FailFast(message, null);

    /// <inheritdoc cref="Environment.FailFast(string, Exception)"/>
    public static void FailFast(string? message, Exception? exception)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            Environment.FailFast(message, exception);
        }

        throw new ProcessExitException($"Environment.FailFast(\"{message}\")", ControlledSite.Current);
    }
}
