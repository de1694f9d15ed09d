using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// What an operation will do when it runs next: the scheduling point it is paused at (its kind), the
/// location or resource it targets, and its source site. A new operation that has not run yet is at
/// <see cref="SchedulingPointKind.Start"/> with no target.
/// </summary>
/// <param name="Kind">The kind of the point the operation is paused at.</param>
/// <param name="Target">The shared location ("Namespace.Type.field", "T[]") or collection it accesses, if named.</param>
/// <param name="Site">The source site ("File.cs:42"), if known.</param>
/// <param name="Resource">The synchronization resource it acquires or waits for, if any (compared by reference).</param>
[DebuggerDisplay("{Kind} {Target ?? Resource} at {Site}")]
public readonly record struct PendingPoint(SchedulingPointKind Kind, string? Target, string? Site, object? Resource)
{
    /// <summary>
    /// Whether this point and <paramref name="other"/>, run in either order, may lead to different
    /// states: two accesses of one named location of which one writes, or two synchronization points
    /// on one resource (or on an unnamed one, conservatively). Start, create, join, yield, delay and
    /// completion points conflict with nothing.
    /// </summary>
    public bool ConflictsWith(PendingPoint other)
    {
        if (IsMemory(Kind) && IsMemory(other.Kind))
        {
            return (Kind != SchedulingPointKind.Read || other.Kind != SchedulingPointKind.Read)
                && Target is not null
                && string.Equals(Target, other.Target, StringComparison.Ordinal);
        }

        if (IsSynchronization(Kind) && IsSynchronization(other.Kind))
        {
            return Resource is null || other.Resource is null || ReferenceEquals(Resource, other.Resource);
        }

        return false;
    }

    private static bool IsMemory(SchedulingPointKind kind) =>
        kind is SchedulingPointKind.Read or SchedulingPointKind.Write or SchedulingPointKind.Interlocked;

    private static bool IsSynchronization(SchedulingPointKind kind) =>
        kind is SchedulingPointKind.Acquire or SchedulingPointKind.Release or SchedulingPointKind.Wait or SchedulingPointKind.Pulse;
}
