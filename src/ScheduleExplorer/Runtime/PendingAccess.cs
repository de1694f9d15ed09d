namespace ScheduleExplorer.Runtime;

/// <summary>
/// A plain (not atomic, not volatile) memory access an operation is paused right before, as the data-race
/// detector compares them: the object and element it touches, the location's name, and where.
/// </summary>
/// <param name="Instance">The object whose field it is, the array whose element it is, or <see cref="PendingAccess.Statics"/> for a static field.</param>
/// <param name="Index">The element's index (0 for a field).</param>
/// <param name="Location">"Namespace.Type.field" or "T[]".</param>
/// <param name="IsWrite">Whether it is a store.</param>
/// <param name="Site">The source site ("File.cs:42").</param>
/// <param name="Step">The scheduling step the access takes (1-based, as in traces).</param>
internal readonly record struct PendingAccess(object Instance, nint Index, string Location, bool IsWrite, string Site, int Step)
{
    /// <summary>The instance every static field shares: its name alone tells two statics apart.</summary>
    public static readonly object Statics = new();

    /// <summary>Whether both touch the same memory and at least one writes it.</summary>
    public bool ConflictsWith(in PendingAccess other) =>
        (IsWrite || other.IsWrite)
        && ReferenceEquals(Instance, other.Instance)
        && Index == other.Index
        && string.Equals(Location, other.Location, StringComparison.Ordinal);
}
