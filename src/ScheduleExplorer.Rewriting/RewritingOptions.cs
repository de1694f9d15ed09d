namespace ScheduleExplorer.Rewriting;

/// <summary>Options of an <see cref="AssemblyRewriter"/>: where the shims live and what to instrument.</summary>
public sealed class RewritingOptions
{
    /// <summary>
    /// Path of the runtime assembly (<c>ScheduleExplorer.dll</c>) holding the controlled shims in
    /// <c>ScheduleExplorer.Controlled</c>. It is read with Mono.Cecil, never loaded.
    /// </summary>
    public required string RuntimeAssemblyPath { get; init; }

    /// <summary>
    /// Whether reads and writes of user fields and array elements become scheduling points
    /// (<c>ControlledMemory.Read</c>/<c>Write</c>). Default: true.
    /// </summary>
    public bool InstrumentMemoryAccesses { get; init; } = true;

    /// <summary>
    /// Whether every backward branch reports to <c>ControlledLoop.BackEdge</c>, so a spin with no
    /// scheduling point is detected deterministically. Default: true.
    /// </summary>
    public bool InstrumentBackEdges { get; init; } = true;

    /// <summary>
    /// Locations ("Namespace.Type.field", "T[]") whose data races are accepted: their accesses stay
    /// scheduling points, but the race detector does not track them (as a <c>[BenignRace]</c> field).
    /// </summary>
    public IReadOnlyCollection<string> BenignRaces { get; init; } = [];
}
