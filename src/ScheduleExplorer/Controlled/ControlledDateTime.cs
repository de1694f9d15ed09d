using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="DateTime"/> clocks: <c>UtcNow</c>, <c>Now</c> and <c>Today</c> read virtual time.</summary>
public static class ControlledDateTime
{
    /// <inheritdoc cref="DateTime.UtcNow"/>
    public static DateTime get_UtcNow() =>
        ControlledScheduler.CurrentOperation is { } operation ? VirtualClock.UtcNow(operation) : DateTime.UtcNow;

    /// <inheritdoc cref="DateTime.Now"/>
    public static DateTime get_Now() =>
        ControlledScheduler.CurrentOperation is { } operation ? VirtualClock.UtcNow(operation).ToLocalTime() : DateTime.Now;

    /// <inheritdoc cref="DateTime.Today"/>
    public static DateTime get_Today() =>
        ControlledScheduler.CurrentOperation is { } operation ? VirtualClock.UtcNow(operation).ToLocalTime().Date : DateTime.Today;
}
