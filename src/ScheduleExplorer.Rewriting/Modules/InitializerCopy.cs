using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>Copies a type initializer's (already rewritten) body into an ordinary static method.</summary>
internal static class InitializerCopy
{
    /// <summary>Makes <paramref name="target"/>'s body a copy of <paramref name="cctor"/>'s: locals, instructions, branches and handlers.</summary>
    public static void CopyBody(MethodDefinition cctor, MethodDefinition target)
    {
        MethodBody source = cctor.Body;
        MethodBody body = target.Body;
        body.InitLocals = source.InitLocals;
        body.MaxStackSize = source.MaxStackSize;
        var variables = new Dictionary<VariableDefinition, VariableDefinition>();
        foreach (VariableDefinition variable in source.Variables)
        {
            var copy = new VariableDefinition(variable.VariableType);
            variables[variable] = copy;
            body.Variables.Add(copy);
        }

        var instructions = new Dictionary<Instruction, Instruction>();
        foreach (Instruction instruction in source.Instructions)
        {
            Instruction copy = Instruction.Create(OpCodes.Nop);
            copy.OpCode = instruction.OpCode;
            copy.Operand = instruction.Operand is VariableDefinition v ? variables[v] : instruction.Operand;
            instructions[instruction] = copy;
            body.Instructions.Add(copy);
        }

        foreach (Instruction copy in body.Instructions)
        {
            copy.Operand = copy.Operand switch
            {
                Instruction branch => instructions[branch],
                Instruction[] targets => targets.Select(t => instructions[t]).ToArray(),
                var operand => operand,
            };
        }

        foreach (ExceptionHandler handler in source.ExceptionHandlers)
        {
            body.ExceptionHandlers.Add(new ExceptionHandler(handler.HandlerType)
            {
                CatchType = handler.CatchType,
                TryStart = Map(handler.TryStart),
                TryEnd = Map(handler.TryEnd),
                HandlerStart = Map(handler.HandlerStart),
                HandlerEnd = Map(handler.HandlerEnd),
                FilterStart = Map(handler.FilterStart),
            });
        }

        Instruction? Map(Instruction? instruction) => instruction is null ? null : instructions[instruction];
    }
}
