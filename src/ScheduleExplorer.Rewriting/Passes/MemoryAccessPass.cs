using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Before every instrumented load (<c>ldfld</c>, <c>ldsfld</c>, <c>ldelem*</c>, <c>ldind*</c>,
/// <c>ldobj</c>) and store (<c>stfld</c>, <c>stsfld</c>, <c>stelem*</c>, <c>stind*</c>, <c>stobj</c>,
/// <c>initobj</c>, <c>cpobj</c>) — see <see cref="MemoryAccessFilter"/> and
/// <see cref="IndirectMemoryAccessFilter"/> — inserts a call of a <c>ControlledMemory</c> hook, before
/// any <c>volatile.</c>/<c>unaligned.</c> prefix, chosen by <see cref="MemoryAccessShape"/>, so the
/// data-race detector knows which memory is touched (see <see cref="MemoryHookEmitter"/>). Every
/// inserted sequence leaves the stack of the access as it was. Type initializers are skipped
/// entirely: they run at a moment the runtime does not choose, under the type-init lock.
/// </summary>
internal sealed class MemoryAccessPass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        ModuleRewriteContext module = context.Module;
        if (!module.Options.InstrumentMemoryAccesses || context.IsTypeInitializer
            || module.Imports.MemoryRead is null || module.Imports.MemoryWrite is null)
        {
            return;
        }

        bool indirect = module.Imports.MemoryReadIndirect is not null && module.Imports.MemoryWriteIndirect is not null;
        IReadOnlyList<Instruction> body = context.Original;
        ISet<Instruction>? joins = null;
        MemoryHookEmitter? emitter = null;
        for (int i = 0; i < body.Count; i++)
        {
            Instruction instruction = body[i];
            MemoryAccess? found = MemoryAccessFilter.Classify(instruction, context.Method);
            if (found is null && indirect)
            {
                joins ??= context.OriginalJoins();
                found = IndirectMemoryAccessFilter.Classify(body, i, context.Method, joins);
            }

            if (found is not { } access)
            {
                continue;
            }

            emitter ??= new MemoryHookEmitter(context);
            emitter.Emit(i, access);
            module.Statistics.MemoryPoints++;
        }
    }
}
