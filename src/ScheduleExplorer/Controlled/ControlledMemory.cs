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
    public static void Read(string location, string site) => Tracked(SchedulingPointKind.Read, PendingAccess.Statics, 0, location, site, buffered: true);

    /// <summary>A write of the static field <paramref name="location"/> at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(string location, string site) => Tracked(SchedulingPointKind.Write, PendingAccess.Statics, 0, location, site, buffered: true);

    /// <summary>A read of the field <paramref name="location"/> of <paramref name="instance"/> (a class instance) at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadField(object? instance, string location, string site) => Tracked(SchedulingPointKind.Read, instance, 0, location, site, buffered: true);

    /// <summary>A write of the field <paramref name="location"/> of <paramref name="instance"/> at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteField(object? instance, string location, string site) => Tracked(SchedulingPointKind.Write, instance, 0, location, site, buffered: true);

    /// <summary>
    /// A read of the <c>volatile</c> field <paramref name="location"/> of <paramref name="instance"/>:
    /// synchronization, so not a candidate race, but its stores are buffered like plain ones (x86 keeps a
    /// volatile store in the store buffer too).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadVolatileField(object? instance, string location, string site) => VolatileAccess(SchedulingPointKind.Read, instance, location, site);

    /// <summary>A write of the <c>volatile</c> field <paramref name="location"/> of <paramref name="instance"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteVolatileField(object? instance, string location, string site) => VolatileAccess(SchedulingPointKind.Write, instance, location, site);

    /// <summary>A read of the <c>volatile</c> static field <paramref name="location"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadVolatile(string location, string site) => VolatileAccess(SchedulingPointKind.Read, PendingAccess.Statics, location, site);

    /// <summary>A write of the <c>volatile</c> static field <paramref name="location"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteVolatile(string location, string site) => VolatileAccess(SchedulingPointKind.Write, PendingAccess.Statics, location, site);

    /// <summary>
    /// Called right after a field write's hook and before the store itself, with the value the field
    /// holds (<paramref name="instance"/> null for a static): while stores are buffered, others may
    /// still see <paramref name="oldValue"/> (see <c>SchedulerOptions.StoreBuffering</c>). Not a scheduling point.
    /// </summary>
    public static void Stored<T>(object? instance, T oldValue, string location)
    {
        if (ControlledScheduler.CurrentOperation is { } op && op.Scheduler.Buffers.Enabled)
        {
            op.Scheduler.Buffers.Store(op, instance ?? PendingAccess.Statics, location, oldValue);
        }
    }

    /// <summary>
    /// Called right after a field load with the value it loaded: returns it, or, when another
    /// operation's store to the field is still buffered and the schedule chooses so, the value from
    /// before that store. Not a scheduling point (the choice is a recorded data choice).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Loaded<T>(T value)
    {
        if (ControlledScheduler.CurrentOperation is not { LoadingFrom: { } instance } op)
        {
            return value;
        }

        op.LoadingFrom = null;
        return op.Scheduler.Buffers.IsEmpty ? value : LoadedSlow(op, instance, value);
    }

    private static T LoadedSlow<T>(ControlledOperation op, object instance, T value) =>
        op.Scheduler.Buffers.TryStale(op.Scheduler, op, instance, op.LoadingLocation!, op.LoadingSite, out object? old) ? (T)old! : value;

    /// <summary>A read of element <paramref name="index"/> of <paramref name="array"/> (<paramref name="location"/> names its type, "Int32[]").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadElement(object? array, nint index, string location, string site) => Tracked(SchedulingPointKind.Read, array, index, location, site, buffered: false);

    /// <summary>A write of element <paramref name="index"/> of <paramref name="array"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteElement(object? array, nint index, string location, string site) => Tracked(SchedulingPointKind.Write, array, index, location, site, buffered: false);

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
        Tracked(SchedulingPointKind.Read, op?.NotedArray, op?.NotedIndex ?? 0, location, site, buffered: false);
    }

    /// <summary>A write, through its address, of the element the running operation noted last.</summary>
    public static void WriteNoted(string location, string site)
    {
        var op = ControlledScheduler.CurrentOperation;
        Tracked(SchedulingPointKind.Write, op?.NotedArray, op?.NotedIndex ?? 0, location, site, buffered: false);
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
            if (!op.Scheduler.Buffers.IsEmpty)
            {
                // The memory is not known, so it may be a buffered location: every store becomes visible first.
                op.Scheduler.Buffers.FlushAll(op.Scheduler);
            }
        }
        else
        {
            UncontrolledThreadDetector.OnUncontrolledThread(site);
        }
    }

    private static void VolatileAccess(SchedulingPointKind kind, object? instance, string location, string site)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            UncontrolledThreadDetector.OnUncontrolledThread(site);
            return;
        }

        op.Scheduler.SchedulePoint(op, kind, site, location);
        op.Scheduler.RecordEffect(location, isWrite: kind == SchedulingPointKind.Write);
        if (kind == SchedulingPointKind.Read && instance is not null && op.Scheduler.Buffers.Enabled)
        {
            NoteLoad(op, instance, location, site);
        }
    }

    /// <summary>
    /// A <c>Volatile.Read</c>/<c>Write</c> call on a field whose object is known, while stores are
    /// buffered: a read or write point like a <c>volatile</c> field's (release and acquire, not a fence),
    /// then <see cref="Loaded{T}"/> or <see cref="StoredByCall{T}"/> around the real access.
    /// </summary>
    internal static void VolatileCall(ControlledOperation op, bool isWrite, object instance, string location, string? site)
    {
        op.Scheduler.SchedulePoint(op, isWrite ? SchedulingPointKind.Write : SchedulingPointKind.Read, site, location);
        op.Scheduler.RecordEffect(location, isWrite);
        if (isWrite)
        {
            op.StoringTo = instance;
            op.StoringLocation = location;
        }
        else
        {
            NoteLoad(op, instance, location, site ?? string.Empty);
        }
    }

    /// <summary>Right before a <c>Volatile.Write</c> call's store, with the value the location holds: buffers it as <see cref="Stored{T}"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoredByCall<T>(T oldValue)
    {
        if (ControlledScheduler.CurrentOperation is { StoringTo: { } instance } op)
        {
            op.StoringTo = null;
            op.Scheduler.Buffers.Store(op, instance, op.StoringLocation!, oldValue);
        }
    }

    private static void NoteLoad(ControlledOperation op, object instance, string location, string site)
    {
        op.LoadingFrom = instance;
        op.LoadingLocation = location;
        op.LoadingSite = site;
    }

    private static void Tracked(SchedulingPointKind kind, object? instance, nint index, string location, string site, bool buffered)
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
        if (scheduler.Buffers.Enabled && instance is not null)
        {
            if (buffered && kind == SchedulingPointKind.Read)
            {
                NoteLoad(op, instance, location, site);
            }
            else if (!buffered && kind == SchedulingPointKind.Write && !scheduler.Buffers.IsEmpty)
            {
                // An element store is not buffered: the operation's earlier stores must not overtake it.
                scheduler.Buffers.Flush(scheduler, op);
            }
        }
    }
}
