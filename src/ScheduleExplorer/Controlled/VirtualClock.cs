using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// The clocks a workload reads, on the scheduler's virtual time: every iteration starts at the same
/// instant (<see cref="Epoch"/>) and time moves only when timers fire or every operation waits, so
/// the same seed gives the same clock readings and replay never diverges because code read a clock.
/// </summary>
internal static class VirtualClock
{
    /// <summary>The wall-clock instant at which every controlled iteration starts.</summary>
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Virtual milliseconds since the iteration started.</summary>
    public static long Milliseconds(ControlledOperation operation) => operation.Scheduler.Now;

    public static DateTime UtcNow(ControlledOperation operation) => Epoch.AddMilliseconds(operation.Scheduler.Now);

    /// <summary>A <see cref="System.Diagnostics.Stopwatch"/> timestamp (in <see cref="System.Diagnostics.Stopwatch.Frequency"/> units).</summary>
    public static long Timestamp(ControlledOperation operation) =>
        (long)(operation.Scheduler.Now * (System.Diagnostics.Stopwatch.Frequency / 1000.0));
}
