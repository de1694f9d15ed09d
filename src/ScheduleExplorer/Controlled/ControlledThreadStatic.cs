using System.ComponentModel;
using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Storage for the <c>[ThreadStatic]</c> fields of rewritten code: every read, write and address of
/// such a field is redirected here. Under a controlled run each operation has its own slots, fresh
/// (default) as on a new thread, since operations run on reused workers whose real slots would leak;
/// outside one the slots are per real thread, as the field's own would be.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ControlledThreadStatic
{
    [ThreadStatic]
    private static Dictionary<RuntimeFieldHandle, object>? t_uncontrolled;

    /// <summary>Reads the field <paramref name="field"/>.</summary>
    public static T Load<T>(RuntimeFieldHandle field) => Slot<T>(field).Value!;

    /// <summary>Writes <paramref name="value"/> to the field <paramref name="field"/>.</summary>
    public static void Store<T>(T value, RuntimeFieldHandle field) => Slot<T>(field).Value = value;

    /// <summary>The address of the field <paramref name="field"/> (for <c>ref</c>, <c>Interlocked</c>, compound assignment).</summary>
    public static ref T Address<T>(RuntimeFieldHandle field) => ref Slot<T>(field).Value!;

    private static StrongBox<T> Slot<T>(RuntimeFieldHandle field)
    {
        var slots = ControlledScheduler.CurrentOperation is { } op ? op.ThreadStatics : t_uncontrolled ??= [];
        if (!slots.TryGetValue(field, out object? slot))
        {
            slot = new StrongBox<T>();
            slots.Add(field, slot);
        }

        return (StrongBox<T>)slot;
    }
}
