using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Rewriting.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Accesses through an address: <c>ldind.*</c>, <c>ldobj</c> (reads), <c>stind.*</c>, <c>stobj</c>,
/// <c>initobj</c>, <c>cpobj</c> (writes). This is how C# compiles <c>arr[i]++</c>, <c>s.f++</c> on a
/// struct in an array or a static, <c>ref</c> locals, parameters and returns, <see cref="Span{T}"/>
/// indexers and pointers. When the address visibly comes from <c>ldelema</c>/<c>ldflda</c>/<c>ldsflda</c>
/// the access gets that element's or field's location (so it conflicts exactly with the plain accesses
/// of it); from <c>ldloca</c>/<c>ldarga</c> it is the frame's own and is not instrumented; from
/// anywhere else it is indirect: named "*T" and treated as aliasing every location.
/// </summary>
internal static class IndirectMemoryAccessFilter
{
    /// <summary>The access <paramref name="body"/>[<paramref name="index"/>] makes, or null when it is not an indirect access of shared memory.</summary>
    public static MemoryAccess? Classify(IReadOnlyList<Instruction> body, int index, MethodDefinition method, ISet<Instruction> joins)
    {
        Instruction instruction = body[index];
        if (Shape(instruction) is not var (isWrite, addressDepth, typeName))
        {
            return null;
        }

        Instruction? producer = AddressSource.Producer(body, index, addressDepth, joins);
        if (IsFrameAddress(body, producer, joins))
        {
            return null;
        }

        switch (producer?.OpCode.Code)
        {
            case Code.Ldflda or Code.Ldsflda:
                // Same filter as a plain access: compiler state, readonly fields, framework fields stay out.
                // The object is not on the stack here (its field's address is), so only a static keeps its identity.
                return MemoryAccessFilter.Field((FieldReference)producer.Operand, method, isWrite, isStatic: producer.OpCode.Code == Code.Ldsflda) is { } field
                    ? field with { Shape = field.Shape == MemoryAccessShape.Static && !IsVolatile(body[index]) ? MemoryAccessShape.Static : MemoryAccessShape.Untracked, Address = producer }
                    : null;
            case Code.Ldelema:
                return new MemoryAccess(
                    MemoryAccessFilter.ElementLocation((TypeReference)producer.Operand),
                    isWrite,
                    !IsVolatile(body[index]) && NothingNotesBetween(body, producer, index) ? MemoryAccessShape.NotedElement : MemoryAccessShape.Untracked,
                    producer);
            default:
                return new MemoryAccess("*" + typeName, isWrite, MemoryAccessShape.Indirect);
        }
    }

    /// <summary>
    /// Whether no other note can be taken between the <c>ldelema</c> and the access: no call (its
    /// callee may note elements), no other element address, no prefix other than the access's own.
    /// </summary>
    private static bool NothingNotesBetween(IReadOnlyList<Instruction> body, Instruction producer, int access)
    {
        for (int i = access - 1; i >= 0 && body[i] != producer; i--)
        {
            if (body[i].OpCode.Code is Code.Call or Code.Callvirt or Code.Calli or Code.Newobj or Code.Ldelema or Code.Readonly)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVolatile(Instruction access) => access.Previous?.OpCode.Code == Code.Volatile;

    /// <summary>
    /// Whether <paramref name="producer"/> pushes an address into the method's own frame: <c>ldloca</c>,
    /// <c>ldarga</c>, or an element of an inline-array local (how C# builds <c>params ReadOnlySpan</c>
    /// arguments and collection expressions: <c>ldloca buffer; ldc i; call InlineArrayElementRef</c>).
    /// </summary>
    private static bool IsFrameAddress(IReadOnlyList<Instruction> body, Instruction? producer, ISet<Instruction> joins)
    {
        switch (producer?.OpCode.Code)
        {
            case Code.Ldloca or Code.Ldloca_S or Code.Ldarga or Code.Ldarga_S:
                return true;
            case Code.Call when producer.Operand is MethodReference { DeclaringType.Name: "<PrivateImplementationDetails>", Name: "InlineArrayElementRef" or "InlineArrayFirstElementRef" } helper:
                int call = IndexOf(body, producer);
                return call >= 0 && IsFrameAddress(body, AddressSource.Producer(body, call, helper.Parameters.Count - 1, joins), joins);
            default:
                return false;
        }
    }

    private static int IndexOf(IReadOnlyList<Instruction> body, Instruction instruction)
    {
        for (int i = 0; i < body.Count; i++)
        {
            if (body[i] == instruction)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>(is a write, depth of the address below the top of the stack, type accessed), or null.</summary>
    private static (bool IsWrite, int AddressDepth, string TypeName)? Shape(Instruction instruction) => instruction.OpCode.Code switch
    {
        Code.Ldind_I1 or Code.Ldind_U1 => (false, 0, "Byte"),
        Code.Ldind_I2 or Code.Ldind_U2 => (false, 0, "Int16"),
        Code.Ldind_I4 or Code.Ldind_U4 => (false, 0, "Int32"),
        Code.Ldind_I8 => (false, 0, "Int64"),
        Code.Ldind_I => (false, 0, "IntPtr"),
        Code.Ldind_R4 => (false, 0, "Single"),
        Code.Ldind_R8 => (false, 0, "Double"),
        Code.Ldind_Ref => (false, 0, "Object"),
        Code.Ldobj => (false, 0, ((TypeReference)instruction.Operand).Name),
        Code.Stind_I1 => (true, 1, "Byte"),
        Code.Stind_I2 => (true, 1, "Int16"),
        Code.Stind_I4 => (true, 1, "Int32"),
        Code.Stind_I8 => (true, 1, "Int64"),
        Code.Stind_I => (true, 1, "IntPtr"),
        Code.Stind_R4 => (true, 1, "Single"),
        Code.Stind_R8 => (true, 1, "Double"),
        Code.Stind_Ref => (true, 1, "Object"),
        Code.Stobj => (true, 1, ((TypeReference)instruction.Operand).Name),
        Code.Cpobj => (true, 1, ((TypeReference)instruction.Operand).Name),
        Code.Initobj => (true, 0, ((TypeReference)instruction.Operand).Name),
        _ => null,
    };
}
