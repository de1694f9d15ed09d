using System.ComponentModel;
using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Shared-memory scheduling points: the rewriter calls these before every read and write of a user
/// field or array element, and of memory reached through an address (<c>ref</c>, <see cref="Span{T}"/>,
/// pointers), so a lost update is found with no annotation in the workload.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ControlledMemory
{
    /// <summary>A read of <paramref name="location"/> ("Namespace.Type.field" or "T[]") at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Read(string location, string site) => Access(SchedulingPointKind.Read, location, location, site);

    /// <summary>A write of <paramref name="location"/> at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(string location, string site) => Access(SchedulingPointKind.Write, location, location, site);

    /// <summary>
    /// A read through an address the rewriter could not trace to a field or element (a <c>ref</c>
    /// parameter, a <see cref="Span{T}"/> element, a pointer): <paramref name="type"/> ("*Int32") names
    /// it in traces, and for partial-order reduction it conflicts with every access, since it may alias any.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadIndirect(string type, string site) => Access(SchedulingPointKind.Read, type, StepEffect.Everything, site);

    /// <summary>A write through an address that may alias any location (see <see cref="ReadIndirect"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteIndirect(string type, string site) => Access(SchedulingPointKind.Write, type, StepEffect.Everything, site);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Access(SchedulingPointKind kind, string target, object key, string site)
    {
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            op.Scheduler.SchedulePoint(op, kind, site, target);
            op.Scheduler.RecordEffect(key, isWrite: kind == SchedulingPointKind.Write);
        }
        else
        {
            UncontrolledThreadDetector.OnUncontrolledThread(site);
        }
    }
}
