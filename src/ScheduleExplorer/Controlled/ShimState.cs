using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// State a shim shares between the operations it creates (a parallel loop's next index, a stream's
/// position) is not rewritten code, so no memory point sees it: the shim says when it touches it,
/// for partial-order reduction (two operations that take the next index do not commute).
/// </summary>
internal static class ShimState
{
    /// <summary>The running operation reads and writes <paramref name="state"/>; always true, for use in a loop condition.</summary>
    public static bool Touch(object state)
    {
        ControlledScheduler.CurrentOperation?.Scheduler.RecordEffect(state, isWrite: true);
        return true;
    }
}
