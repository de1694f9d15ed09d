using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Rewriting.Cil;
using ScheduleExplorer.Rewriting.Shims;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Before every call on a BCL collection (see <see cref="CollectionMembers"/>), inserts
/// <c>ldloc instance; ldstr member; ldstr site; call ControlledCollection.Read|Write|Atomic</c>. The
/// instance is under the arguments on the stack, so it is copied to a new local right where it is
/// pushed (<c>dup; stloc</c>); without arguments it is simply <c>dup</c>ed. When the instance's producer
/// cannot be found in straight-line code (a conditional argument) or is itself a <c>dup</c> (a collection
/// initializer filling an object nobody else sees yet), the call is left as it is. Type initializers
/// are skipped, as for memory accesses.
/// </summary>
internal sealed class CollectionUsePass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        ModuleImports imports = context.Module.Imports;
        if (!context.Module.Options.InstrumentMemoryAccesses || context.IsTypeInitializer
            || imports.CollectionRead is not { } read || imports.CollectionWrite is not { } write || imports.CollectionAtomic is not { } atomic)
        {
            return;
        }

        IReadOnlyList<Instruction> body = context.Original;
        for (int i = 0; i < body.Count; i++)
        {
            Instruction call = body[i];
            if (call.OpCode.Code is not (Code.Call or Code.Callvirt) || context.IsRedirected(call)
                || call.Operand is not MethodReference method || CollectionMembers.Classify(method) is not { } access)
            {
                continue;
            }

            MethodReference hook = access switch
            {
                CollectionAccess.Read => read,
                CollectionAccess.Write => write,
                _ => atomic,
            };
            Instruction? instance = CopyInstance(context, i, method.Parameters.Count);
            if (instance is null)
            {
                continue;
            }

            context.InsertBefore(
                call,
                instance,
                Instruction.Create(OpCodes.Ldstr, method.Name),
                Instruction.Create(OpCodes.Ldstr, context.SiteOf(call)),
                Instruction.Create(OpCodes.Call, hook));
            context.Module.Statistics.MemoryPoints++;
        }
    }

    /// <summary>The instruction that pushes the call's instance again right before the call, or null when it cannot be had.</summary>
    private static Instruction? CopyInstance(MethodRewriteContext context, int callIndex, int arguments)
    {
        if (arguments == 0)
        {
            return Instruction.Create(OpCodes.Dup);
        }

        Instruction? producer = StackEffects.FirstArgumentProducer(context.Original, callIndex, arguments + 1, context.OriginalJoins());
        if (producer is null || producer.OpCode.Code == Code.Dup)
        {
            return null;
        }

        // Right after the push, before anything inserted for the next original instruction or not: both are stack-neutral.
        Instruction next = context.Original[context.IndexOf(producer) + 1];

        var copy = new VariableDefinition(context.Method.Module.TypeSystem.Object);
        context.Method.Body.Variables.Add(copy);
        context.InsertBefore(next, Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, copy));
        return Instruction.Create(OpCodes.Ldloc, copy);
    }
}
