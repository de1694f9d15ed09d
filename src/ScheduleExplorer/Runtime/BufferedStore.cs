namespace ScheduleExplorer.Runtime;

/// <summary>
/// A store that <see cref="Owner"/> made and others may not see yet (see <see cref="StoreBuffers"/>):
/// memory already holds the new value; <see cref="OldValue"/> is what it held before.
/// </summary>
internal sealed class BufferedStore(ControlledOperation owner, object instance, string location, object? oldValue)
{
    /// <summary>The operation whose buffer holds the store.</summary>
    public ControlledOperation Owner { get; } = owner;

    /// <summary>The object whose field was stored, or <see cref="PendingAccess.Statics"/> for a static.</summary>
    public object Instance { get; } = instance;

    /// <summary>"Namespace.Type.field".</summary>
    public string Location { get; } = location;

    /// <summary>The value before the store (boxed).</summary>
    public object? OldValue { get; } = oldValue;

    /// <summary>Whether the store has become visible to every operation (it leaves the buffer at the end of the flush).</summary>
    public bool Published { get; set; }

    /// <summary>Whether the store is to field <paramref name="location"/> of <paramref name="instance"/>.</summary>
    public bool IsTo(object instance, string location) => ReferenceEquals(Instance, instance) && string.Equals(Location, location, StringComparison.Ordinal);
}
