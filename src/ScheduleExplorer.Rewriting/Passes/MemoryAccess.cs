namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>A shared-memory access to instrument.</summary>
/// <param name="Location">
/// "Namespace.Type.field" for a field, "T[]" for an array element; for an access through an address
/// the rewriter could not trace (<paramref name="IsIndirect"/>), "*T", the type accessed.
/// </param>
/// <param name="IsWrite">Whether it is a store.</param>
/// <param name="IsIndirect">Whether the address may point anywhere, so the access may alias every location.</param>
internal readonly record struct MemoryAccess(string Location, bool IsWrite, bool IsIndirect = false);
