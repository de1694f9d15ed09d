using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Guid"/>: under a controlled run <see cref="Guid.NewGuid"/> returns a version-4
/// GUID derived from the calling operation and how many it asked for before, so the same schedule
/// sees the same GUIDs in every iteration and replay (a GUID used as a key or in a message never makes
/// a trace diverge). GUIDs of different operations, or of one operation's successive calls, differ.
/// </summary>
public static class ControlledGuid
{
    private static readonly ConditionalWeakTable<ControlledOperation, StrongBox<long>> s_counts = [];

    /// <inheritdoc cref="Guid.NewGuid"/>
    public static Guid NewGuid()
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return Guid.NewGuid();
        }

        StrongBox<long> count = s_counts.GetValue(op, static _ => new StrongBox<long>());
        long sequence = count.Value++;
        return StableGuid.Create(op.Id, sequence);
    }
}
