using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Redirects every access to a <c>[ThreadStatic]</c> field of the module to per-operation storage:
/// <c>ldsfld F</c> becomes <c>ldtoken F; call ControlledThreadStatic.Load&lt;T&gt;</c>, <c>stsfld F</c>
/// <c>ldtoken F; call Store&lt;T&gt;</c> and <c>ldsflda F</c> <c>ldtoken F; call Address&lt;T&gt;</c>, the
/// access itself turned into the call in place (so branches to it stay valid). Operations run on
/// reused workers, so the real slots would leak from one operation into the next. Fields of generic
/// types are left alone (their handles are shared across instantiations).
/// </summary>
internal sealed class ThreadStaticPass : IMethodPass
{
    private const string ThreadStaticAttribute = "System.ThreadStaticAttribute";

    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        if (context.Module.Imports.ThreadStatic is not { } hooks)
        {
            return;
        }

        foreach (Instruction instruction in context.Original)
        {
            MethodReference? hook = instruction.OpCode.Code switch
            {
                Code.Ldsfld => hooks.Load,
                Code.Stsfld => hooks.Store,
                Code.Ldsflda => hooks.Address,
                _ => null,
            };
            if (hook is null || instruction.Operand is not FieldReference field || !IsThreadStatic(field, context.Module.Module)
                || instruction.Previous?.OpCode.OpCodeType == OpCodeType.Prefix)
            {
                // A prefixed access (volatile.) must stay one instruction: left to the real slot.
                continue;
            }

            var call = new GenericInstanceMethod(hook);
            call.GenericArguments.Add(field.FieldType);
            context.InsertBefore(instruction, Instruction.Create(OpCodes.Ldtoken, field));
            instruction.OpCode = OpCodes.Call;
            instruction.Operand = call;
        }
    }

    private static bool IsThreadStatic(FieldReference field, ModuleDefinition module) =>
        field.DeclaringType is not GenericInstanceType && !field.DeclaringType.HasGenericParameters
        && field.Resolve() is { IsStatic: true } definition && definition.Module == module
        && definition.CustomAttributes.Any(a => a.AttributeType.FullName == ThreadStaticAttribute);
}
