using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Rewriting.Shims;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Before every call of an API in <see cref="UncontrolledApiTable"/> that was not redirected,
/// inserts <c>ldstr "File.cs:42"; call ControlledSite.Set; ldstr "Type.Method"; call
/// UncontrolledCall.Check</c>: under a controlled run the runtime fails with a clear report naming
/// the API and the line; outside one, nothing happens. (The site is set so the report has the line.)
/// Each call is also listed ("API at File.cs:line") in <see cref="RewrittenAssembly.UncontrolledCallSites"/>,
/// the static scan a user sees as one warning before anything runs.
/// </summary>
internal sealed class UncontrolledCallPass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        if (context.Module.Imports.UncontrolledCheck is not { } check)
        {
            return;
        }

        MethodReference? siteSet = context.Module.Imports.SiteSet;
        foreach (var (instruction, api) in UnredirectedCalls.Of(context, UncontrolledApiTable.Describe))
        {
            string site = context.SiteOf(instruction);
            Instruction[] checkCall = [Instruction.Create(OpCodes.Ldstr, api), Instruction.Create(OpCodes.Call, check)];
            context.InsertBefore(instruction, siteSet is null ? checkCall : [.. SitePass.SetSite(site, siteSet), .. checkCall]);
            context.Module.Statistics.UncontrolledCalls++;
            context.Module.Statistics.UncontrolledCallSites.Add($"{api} at {site}");
        }
    }
}
