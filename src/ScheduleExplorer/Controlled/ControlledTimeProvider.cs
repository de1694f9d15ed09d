using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="TimeProvider"/>: <see cref="TimeProvider.System"/> reads virtual time under a
/// controlled run; a workload's own provider (a fake clock) is left alone, since its code is the
/// workload's.
/// </summary>
public static class ControlledTimeProvider
{
    /// <inheritdoc cref="TimeProvider.GetUtcNow"/>
    public static DateTimeOffset GetUtcNow(TimeProvider provider) =>
        IsVirtual(provider, out var operation) ? new DateTimeOffset(VirtualClock.UtcNow(operation)) : provider.GetUtcNow();

    /// <inheritdoc cref="TimeProvider.GetLocalNow"/>
    public static DateTimeOffset GetLocalNow(TimeProvider provider) =>
        IsVirtual(provider, out var operation) ? new DateTimeOffset(VirtualClock.UtcNow(operation)).ToLocalTime() : provider.GetLocalNow();

    /// <inheritdoc cref="TimeProvider.GetTimestamp"/>
    public static long GetTimestamp(TimeProvider provider) =>
        IsVirtual(provider, out var operation) ? VirtualClock.Timestamp(operation) : provider.GetTimestamp();

    /// <inheritdoc cref="TimeProvider.GetElapsedTime(long)"/>
    public static TimeSpan GetElapsedTime(TimeProvider provider, long startingTimestamp) =>
        provider.GetElapsedTime(startingTimestamp, GetTimestamp(provider));

    private static bool IsVirtual(TimeProvider provider, out ControlledOperation operation)
    {
        ArgumentNullException.ThrowIfNull(provider);
        operation = ControlledScheduler.CurrentOperation!;
        return operation is not null && ReferenceEquals(provider, TimeProvider.System);
    }
}
