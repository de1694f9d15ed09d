using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Before every instrumented load (<c>ldfld</c>, <c>ldsfld</c>, <c>ldelem*</c>) and store
/// (<c>stfld</c>, <c>stsfld</c>, <c>stelem*</c>) — see <see cref="MemoryAccessFilter"/> — inserts
/// <c>ldstr location; ldstr site; call ControlledMemory.Read|Write</c>, before any
/// <c>volatile.</c>/<c>unaligned.</c> prefix. The hook pops only its two strings, so the stack of
/// the access is untouched. Type initializers are skipped entirely: they run at a moment the
/// runtime does not choose, under the type-init lock.
/// </summary>
internal sealed class MemoryAccessPass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        if (!context.Module.Options.InstrumentMemoryAccesses || context.IsTypeInitializer
            || context.Module.Imports.MemoryRead is not { } read || context.Module.Imports.MemoryWrite is not { } write)
        {
            return;
        }

        foreach (Instruction instruction in context.Original)
        {
            if (MemoryAccessFilter.Classify(instruction, context.Method) is not { } access)
            {
                continue;
            }

            MethodReference hook = access.IsWrite ? write : read;
            context.InsertBefore(
                instruction,
                Instruction.Create(OpCodes.Ldstr, access.Location),
                Instruction.Create(OpCodes.Ldstr, context.SiteOf(instruction)),
                Instruction.Create(OpCodes.Call, hook));
            context.Module.Statistics.MemoryPoints++;
        }
    }
}
