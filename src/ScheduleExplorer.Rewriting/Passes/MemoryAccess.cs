using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>A shared-memory access to instrument.</summary>
/// <param name="Location">
/// "Namespace.Type.field" for a field, "T[]" for an array element; for an access through an address
/// the rewriter could not trace (<see cref="MemoryAccessShape.Indirect"/>), "*T", the type accessed.
/// </param>
/// <param name="IsWrite">Whether it is a store.</param>
/// <param name="Shape">What identifies the memory, for the data-race detector.</param>
/// <param name="Address">For <see cref="MemoryAccessShape.NotedElement"/>, the <c>ldelema</c> that made the address.</param>
/// <param name="IsVolatile">A <c>volatile.</c> access of a field or static: synchronization, not a candidate race, but buffered like a plain store.</param>
internal readonly record struct MemoryAccess(string Location, bool IsWrite, MemoryAccessShape Shape, Instruction? Address = null, bool IsVolatile = false);
