using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>The controlled semantics shared by every event shim: set, reset, wait.</summary>
internal static class EventModel
{
    public static void Set(ControlledOperation op, EventResource resource)
    {
        // Setting only enables waiters (a left mover): the next visible operation takes the point.
        op.Scheduler.ThrowIfCanceled();
        resource.IsSet = true;
        op.Scheduler.RecordEffect(resource, isWrite: true);
    }

    public static void Reset(ControlledOperation op, EventResource resource)
    {
        // A reset can disable a waiter, so it does not commute: the point comes before it.
        op.Scheduler.SchedulePoint(op, SchedulingPointKind.Release, ControlledSite.Current);
        resource.IsSet = false;
        op.Scheduler.RecordEffect(resource, isWrite: true);
    }

    public static bool Wait(ControlledOperation op, EventResource resource, int millisecondsTimeout)
    {
        if (!op.Scheduler.WaitFor(op, resource, SchedulingPointKind.Acquire, ControlledSite.Current, millisecondsTimeout))
        {
            return false;
        }

        if (resource.AutoReset)
        {
            resource.IsSet = false;
        }

        return true;
    }

    /// <summary>The real state of an event seen for the first time under control (created outside it).</summary>
    public static bool ReadRealState(object target) => target switch
    {
        ManualResetEventSlim slim => slim.IsSet,
        AutoResetEvent auto => auto.WaitOne(0) && auto.Set(),
        WaitHandle handle => handle.WaitOne(0),
        _ => false,
    };

    public static EventResource Of(ControlledOperation op, object target) =>
        op.Scheduler.Resources.Event(target, ReadRealState, autoReset: target is AutoResetEvent);
}
