using Mono.Cecil;
using ScheduleExplorer.Rewriting.Shims;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>What every pass shares while rewriting one module.</summary>
/// <param name="Module">The module being rewritten.</param>
/// <param name="Shims">Call-to-shim matching (cached across modules and assemblies).</param>
/// <param name="Imports">Runtime methods imported into <paramref name="Module"/>.</param>
/// <param name="Options">The rewriting options.</param>
/// <param name="Statistics">The counts of the assembly being rewritten.</param>
internal sealed record ModuleRewriteContext(
    ModuleDefinition Module,
    ShimResolver Shims,
    ModuleImports Imports,
    RewritingOptions Options,
    StatisticsCounter Statistics);
