using System.ComponentModel;
using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Shared-memory scheduling points: the rewriter calls these before every read and write of a user
/// field or array element, so a lost update is found with no annotation in the workload.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ControlledMemory
{
    /// <summary>A read of <paramref name="location"/> ("Namespace.Type.field" or "T[]") at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Read(string location, string site)
    {
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            op.Scheduler.SchedulePoint(op, SchedulingPointKind.Read, site, location);
            op.Scheduler.RecordEffect(location, isWrite: false);
        }
        else
        {
            UncontrolledThreadDetector.OnUncontrolledThread(site);
        }
    }

    /// <summary>A write of <paramref name="location"/> at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(string location, string site)
    {
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            op.Scheduler.SchedulePoint(op, SchedulingPointKind.Write, site, location);
            op.Scheduler.RecordEffect(location, isWrite: true);
        }
        else
        {
            UncontrolledThreadDetector.OnUncontrolledThread(site);
        }
    }
}
