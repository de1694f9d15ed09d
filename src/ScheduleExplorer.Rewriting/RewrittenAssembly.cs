namespace ScheduleExplorer.Rewriting;

/// <summary>A rewritten assembly, in memory.</summary>
/// <param name="AssemblyName">The simple name of the assembly.</param>
/// <param name="OriginalMvid">
/// The module version id of the input (the rewritten module gets a new, content-derived one);
/// traces name the workload by it.
/// </param>
/// <param name="Image">The rewritten assembly bytes.</param>
/// <param name="Symbols">The rewritten portable PDB bytes, or null when the input had no symbols.</param>
/// <param name="Statistics">What the rewrite changed.</param>
public sealed record RewrittenAssembly(string AssemblyName, Guid OriginalMvid, byte[] Image, byte[]? Symbols, RewriteStatistics Statistics)
{
    /// <summary>
    /// Every call of a concurrency API the runtime does not control, as "Type.Method at File.cs:42":
    /// a controlled run that reaches one ends with "could not test". Empty when there is none.
    /// </summary>
    public IReadOnlyList<string> UncontrolledCallSites { get; init; } = [];

    /// <summary>
    /// Every call whose value differs from one process to the next and has no controlled stand-in
    /// (per-process hash seeds, cryptographic randomness), as "HashCode.Combine at File.cs:42": a
    /// schedule that depends on such a value may not replay. Empty when there is none.
    /// </summary>
    public IReadOnlyList<string> NondeterministicCallSites { get; init; } = [];
}
