using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>
/// Makes a type initializer run outside control, as one atomic step: its body becomes
/// <c>var saved = ControlledGenericStatics.EnterInitializer(); try { body } finally { ControlledGenericStatics.ExitInitializer(saved); }</c>.
/// </summary>
/// <remarks>
/// The reset before an iteration re-runs initializers outside control; an initializer first run inside
/// an iteration (a generic instantiation first touched there, or a type of an assembly loaded then) must
/// take the same steps, none, or a trace would depend on the iteration it came from. .NET's
/// class-constructor lock makes an initializer look atomic to other threads too: they wait for it.
/// </remarks>
internal static class InitializerScope
{
    /// <summary>The runtime's hooks, named after the <c>ControlledGenericStatics</c> type <paramref name="register"/> belongs to.</summary>
    public static (MethodReference Enter, MethodReference Exit) Hooks(ModuleDefinition module, MethodReference register)
    {
        TypeReference statics = register.DeclaringType;
        var enter = new MethodReference("EnterInitializer", module.TypeSystem.Object, statics) { HasThis = false };
        var exit = new MethodReference("ExitInitializer", module.TypeSystem.Void, statics) { HasThis = false };
        exit.Parameters.Add(new ParameterDefinition(module.TypeSystem.Object));
        return (enter, exit);
    }

    /// <summary>Wraps <paramref name="cctor"/>'s body; its <c>ret</c>s become <c>leave</c>s to one <c>ret</c> after the <c>finally</c>.</summary>
    public static void Wrap(MethodDefinition cctor, (MethodReference Enter, MethodReference Exit) hooks)
    {
        MethodBody body = cctor.Body;
        if (body.Instructions.Count == 0)
        {
            return;
        }

        ILProcessor il = body.GetILProcessor();
        var saved = new VariableDefinition(cctor.Module.TypeSystem.Object);
        body.Variables.Add(saved);
        Instruction first = body.Instructions[0];
        Instruction end = il.Create(OpCodes.Ret);
        foreach (Instruction ret in body.Instructions.Where(i => i.OpCode == OpCodes.Ret).ToList())
        {
            // In place, so branches and handler ends that target the ret still do.
            ret.OpCode = OpCodes.Leave;
            ret.Operand = end;
        }

        il.InsertBefore(first, il.Create(OpCodes.Call, hooks.Enter));
        il.InsertBefore(first, il.Create(OpCodes.Stloc, saved));
        Instruction handlerStart = il.Create(OpCodes.Ldloc, saved);
        il.Append(handlerStart);
        il.Append(il.Create(OpCodes.Call, hooks.Exit));
        il.Append(il.Create(OpCodes.Endfinally));
        il.Append(end);
        body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
        {
            TryStart = first,
            TryEnd = handlerStart,
            HandlerStart = handlerStart,
            HandlerEnd = end,
        });
    }
}
