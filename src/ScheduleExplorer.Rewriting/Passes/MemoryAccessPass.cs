using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Before every instrumented load (<c>ldfld</c>, <c>ldsfld</c>, <c>ldelem*</c>, <c>ldind*</c>,
/// <c>ldobj</c>) and store (<c>stfld</c>, <c>stsfld</c>, <c>stelem*</c>, <c>stind*</c>, <c>stobj</c>,
/// <c>initobj</c>, <c>cpobj</c>) — see <see cref="MemoryAccessFilter"/> and
/// <see cref="IndirectMemoryAccessFilter"/> — inserts <c>ldstr location; ldstr site; call
/// ControlledMemory.Read|Write</c> (<c>ReadIndirect|WriteIndirect</c> for an address that may point
/// anywhere), before any <c>volatile.</c>/<c>unaligned.</c> prefix. The hook pops only its two
/// strings, so the stack of the access is untouched. Type initializers are skipped entirely: they
/// run at a moment the runtime does not choose, under the type-init lock.
/// </summary>
internal sealed class MemoryAccessPass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        ModuleRewriteContext module = context.Module;
        if (!module.Options.InstrumentMemoryAccesses || context.IsTypeInitializer
            || module.Imports.MemoryRead is not { } read || module.Imports.MemoryWrite is not { } write)
        {
            return;
        }

        MethodReference? readIndirect = module.Imports.MemoryReadIndirect;
        MethodReference? writeIndirect = module.Imports.MemoryWriteIndirect;
        IReadOnlyList<Instruction> body = context.Original;
        ISet<Instruction>? joins = null;
        for (int i = 0; i < body.Count; i++)
        {
            Instruction instruction = body[i];
            MemoryAccess? found = MemoryAccessFilter.Classify(instruction, context.Method);
            if (found is null && readIndirect is not null && writeIndirect is not null)
            {
                joins ??= context.OriginalJoins();
                found = IndirectMemoryAccessFilter.Classify(body, i, context.Method, joins);
            }

            if (found is not { } access)
            {
                continue;
            }

            MethodReference hook = (access.IsIndirect, access.IsWrite) switch
            {
                (false, false) => read,
                (false, true) => write,
                (true, false) => readIndirect!,
                (true, true) => writeIndirect!,
            };
            context.InsertBefore(
                instruction,
                Instruction.Create(OpCodes.Ldstr, access.Location),
                Instruction.Create(OpCodes.Ldstr, context.SiteOf(instruction)),
                Instruction.Create(OpCodes.Call, hook));
            module.Statistics.MemoryPoints++;
        }
    }
}
