namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>A shared-memory access to instrument.</summary>
/// <param name="Location">"Namespace.Type.field" for a field, "T[]" for an array element.</param>
/// <param name="IsWrite">Whether it is a store.</param>
internal readonly record struct MemoryAccess(string Location, bool IsWrite);
