using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="Environment"/> clocks: <c>TickCount</c> and <c>TickCount64</c> read virtual time.</summary>
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
}
