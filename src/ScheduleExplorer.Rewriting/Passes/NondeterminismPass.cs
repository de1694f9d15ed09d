using ScheduleExplorer.Rewriting.Shims;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Lists every call of an API in <see cref="NondeterministicApiTable"/> ("HashCode.Combine at
/// File.cs:42") in <see cref="RewrittenAssembly.NondeterministicCallSites"/>: the static scan warns
/// once, before anything runs, that a schedule depending on those values may not replay. The IL is
/// left as it is.
/// </summary>
internal sealed class NondeterminismPass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        foreach (var (call, api) in UnredirectedCalls.Of(context, NondeterministicApiTable.Describe))
        {
            context.Module.Statistics.NondeterministicCallSites.Add($"{api} at {context.SiteOf(call)}");
        }
    }
}
