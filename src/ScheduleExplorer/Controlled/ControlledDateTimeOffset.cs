using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="DateTimeOffset"/> clocks: <c>UtcNow</c> and <c>Now</c> read virtual time.</summary>
public static class ControlledDateTimeOffset
{
    /// <inheritdoc cref="DateTimeOffset.UtcNow"/>
    public static DateTimeOffset get_UtcNow() =>
        ControlledScheduler.CurrentOperation is { } operation ? new DateTimeOffset(VirtualClock.UtcNow(operation)) : DateTimeOffset.UtcNow;

    /// <inheritdoc cref="DateTimeOffset.Now"/>
    public static DateTimeOffset get_Now() =>
        ControlledScheduler.CurrentOperation is { } operation ? new DateTimeOffset(VirtualClock.UtcNow(operation)).ToLocalTime() : DateTimeOffset.Now;
}
