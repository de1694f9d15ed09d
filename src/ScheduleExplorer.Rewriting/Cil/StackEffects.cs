using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Cil;

/// <summary>
/// How many stack slots an instruction pops and pushes, and which earlier instruction produced a
/// call's argument — enough to see, in straight-line code, that <c>Interlocked.Increment(ref x)</c>
/// got its address from <c>ldflda x</c>.
/// </summary>
internal static class StackEffects
{
    /// <summary>(pops, pushes) of <paramref name="instruction"/>, or null when it is not simple to tell.</summary>
    public static (int Pop, int Push)? Of(Instruction instruction)
    {
        OpCode opCode = instruction.OpCode;
        if (opCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
        {
            return null;
        }

        if (instruction.Operand is MethodReference method && opCode.Code is Code.Call or Code.Callvirt or Code.Newobj)
        {
            bool isNew = opCode.Code == Code.Newobj;
            int pop = method.Parameters.Count + (method.HasThis && !isNew ? 1 : 0);
            int push = isNew || method.ReturnType.MetadataType != MetadataType.Void ? 1 : 0;
            return (pop, push);
        }

        int? pops = opCode.StackBehaviourPop switch
        {
            StackBehaviour.Pop0 => 0,
            StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
            StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
                or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
            StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
                or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref => 3,
            _ => null,
        };
        int? pushes = opCode.StackBehaviourPush switch
        {
            StackBehaviour.Push0 => 0,
            StackBehaviour.Push1 or StackBehaviour.Pushi or StackBehaviour.Pushi8 or StackBehaviour.Pushr4
                or StackBehaviour.Pushr8 or StackBehaviour.Pushref => 1,
            StackBehaviour.Push1_push1 => 2,
            _ => null,
        };
        return pops is { } p && pushes is { } q ? (p, q) : null;
    }

    /// <summary>
    /// The instruction before <paramref name="callIndex"/> in <paramref name="body"/> that pushed the
    /// call's first argument (of <paramref name="argumentCount"/>), scanning back through straight-line
    /// code only; null when a branch target, a handler boundary or an unknown effect is in the way.
    /// </summary>
    public static Instruction? FirstArgumentProducer(IReadOnlyList<Instruction> body, int callIndex, int argumentCount, ISet<Instruction> joins)
    {
        int above = argumentCount - 1;
        for (int i = callIndex - 1; i >= 0; i--)
        {
            Instruction instruction = body[i];
            if (Of(instruction) is not var (pop, push))
            {
                return null;
            }

            if (above < push)
            {
                return above == push - 1 && push == 1 ? instruction : null;
            }

            above = above - push + pop;
            if (joins.Contains(instruction))
            {
                // Control can reach here from elsewhere with another stack: stop.
                return null;
            }
        }

        return null;
    }
}
