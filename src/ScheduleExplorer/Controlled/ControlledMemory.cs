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
    /// <summary>
    /// A read of the static field <paramref name="location"/> ("Namespace.Type.field") at
    /// <paramref name="site"/>; also a read the race detector does not track (see <see cref="ReadUntracked"/>)
    /// in code rewritten before it existed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Read(string location, string site) => Tracked(SchedulingPointKind.Read, PendingAccess.Statics, 0, location, site);

    /// <summary>A write of the static field <paramref name="location"/> at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(string location, string site) => Tracked(SchedulingPointKind.Write, PendingAccess.Statics, 0, location, site);

    /// <summary>A read of the field <paramref name="location"/> of <paramref name="instance"/> (a class instance) at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadField(object? instance, string location, string site) => Tracked(SchedulingPointKind.Read, instance, 0, location, site);

    /// <summary>A write of the field <paramref name="location"/> of <paramref name="instance"/> at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteField(object? instance, string location, string site) => Tracked(SchedulingPointKind.Write, instance, 0, location, site);

    /// <summary>A read of element <paramref name="index"/> of <paramref name="array"/> (<paramref name="location"/> names its type, "Int32[]").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadElement(object? array, nint index, string location, string site) => Tracked(SchedulingPointKind.Read, array, index, location, site);

    /// <summary>A write of element <paramref name="index"/> of <paramref name="array"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteElement(object? array, nint index, string location, string site) => Tracked(SchedulingPointKind.Write, array, index, location, site);

    /// <summary>
    /// An <c>ldelema</c> is about to make the address of element <paramref name="index"/> of
    /// <paramref name="array"/>: the loads and stores through it (<c>a[i]++</c>) name it with
    /// <see cref="ReadNoted"/>/<see cref="WriteNoted"/>. Not a scheduling point.
    /// </summary>
    public static void NoteElement(object? array, nint index)
    {
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            op.NotedArray = array;
            op.NotedIndex = index;
        }
    }

    /// <summary>A read, through its address, of the element the running operation noted last (see <see cref="NoteElement"/>).</summary>
    public static void ReadNoted(string location, string site)
    {
        var op = ControlledScheduler.CurrentOperation;
        Tracked(SchedulingPointKind.Read, op?.NotedArray, op?.NotedIndex ?? 0, location, site);
    }

    /// <summary>A write, through its address, of the element the running operation noted last.</summary>
    public static void WriteNoted(string location, string site)
    {
        var op = ControlledScheduler.CurrentOperation;
        Tracked(SchedulingPointKind.Write, op?.NotedArray, op?.NotedIndex ?? 0, location, site);
    }

    /// <summary>
    /// A read of <paramref name="location"/> the race detector does not track: a volatile access
    /// (synchronization, not a candidate race), a field marked benign, a field of a struct reached
    /// through an address, an access whose object the rewriter could not copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadUntracked(string location, string site) => Access(SchedulingPointKind.Read, location, location, site);

    /// <summary>A write the race detector does not track (see <see cref="ReadUntracked"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUntracked(string location, string site) => Access(SchedulingPointKind.Write, location, location, site);

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

    private static void Tracked(SchedulingPointKind kind, object? instance, nint index, string location, string site)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            UncontrolledThreadDetector.OnUncontrolledThread(site);
            return;
        }

        var scheduler = op.Scheduler;
        var races = scheduler.Races;
        if (instance is null || !races.IsTracking)
        {
            // A null object makes the access throw, as in .NET: only its scheduling point is taken.
            scheduler.SchedulePoint(op, kind, site, location);
        }
        else
        {
            bool isWrite = kind == SchedulingPointKind.Write;
            races.Arrive(op, new PendingAccess(instance, index, location, isWrite, site, scheduler.StepsTaken + 1));
            try
            {
                scheduler.SchedulePoint(op, kind, site, location);
            }
            finally
            {
                races.Leave(op);
            }
        }

        scheduler.RecordEffect(location, isWrite: kind == SchedulingPointKind.Write);
    }
}
