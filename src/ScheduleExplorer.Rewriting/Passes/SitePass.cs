using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Before every call redirected by <see cref="CallRedirectionPass"/>, records its source site:
/// <c>ldstr "File.cs:42"; call ControlledSite.Set(string)</c>, right before the call (its arguments
/// are already on the stack; the hook takes only its own).
/// </summary>
internal sealed class SitePass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        if (context.Module.Imports.SiteSet is not { } siteSet)
        {
            return;
        }

        foreach (Instruction instruction in context.Original)
        {
            if (context.IsRedirected(instruction))
            {
                context.InsertBefore(instruction, SetSite(context.SiteOf(instruction), siteSet));
            }
        }
    }

    /// <summary>The two instructions that record <paramref name="site"/>.</summary>
    public static Instruction[] SetSite(string site, MethodReference siteSet) =>
        [Instruction.Create(OpCodes.Ldstr, site), Instruction.Create(OpCodes.Call, siteSet)];
}
