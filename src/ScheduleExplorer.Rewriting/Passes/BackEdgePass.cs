using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Before every backward branch (a branch, <c>leave</c> or <c>switch</c> with a target at or before
/// itself in the original body), inserts <c>ldstr site; call ControlledLoop.BackEdge(string)</c>,
/// so the runtime sees every loop iteration and can report a spin with no scheduling point.
/// Type initializers are skipped, like for memory accesses: they run under the type-init lock at a
/// moment the runtime does not choose.
/// </summary>
internal sealed class BackEdgePass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        if (!context.Module.Options.InstrumentBackEdges || context.IsTypeInitializer
            || context.Module.Imports.BackEdge is not { } backEdge)
        {
            return;
        }

        for (int i = 0; i < context.Original.Count; i++)
        {
            Instruction branch = context.Original[i];
            if (!IsBackward(context, branch, i))
            {
                continue;
            }

            context.InsertBefore(branch, Instruction.Create(OpCodes.Ldstr, context.SiteOf(branch)), Instruction.Create(OpCodes.Call, backEdge));
            context.Module.Statistics.BackEdges++;
        }
    }

    private static bool IsBackward(MethodRewriteContext context, Instruction branch, int index) =>
        branch.OpCode.OperandType is OperandType.InlineBrTarget or OperandType.ShortInlineBrTarget or OperandType.InlineSwitch
        && context.OriginalTargetsOf(branch).Any(t => IsAtOrBefore(context, t, index));

    private static bool IsAtOrBefore(MethodRewriteContext context, Instruction target, int index)
    {
        int targetIndex = context.IndexOf(target);
        return targetIndex >= 0 && targetIndex <= index;
    }
}
