using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Rewriting.Modules;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Decides which loads and stores are shared user state. Instrumented: fields of user types
/// (closure display-class fields and auto-property backing fields included) and array elements.
/// Not instrumented: readonly and const fields, framework fields, compiler infrastructure
/// (names starting with <c>&lt;&gt;</c>, hoisted locals containing <c>&gt;5__</c>, and every field
/// of an async/iterator state machine, which only its own flow touches), instance fields of the
/// object under construction in its own constructors, and address-taking <c>ldflda</c>/<c>ldelema</c>
/// themselves (the access happens where the address is used: Interlocked/Volatile, which are
/// redirected calls, or an indirect load or store, see <see cref="IndirectMemoryAccessFilter"/>).
/// </summary>
internal static class MemoryAccessFilter
{
    private const string BenignRaceAttribute = "BenignRaceAttribute";

    /// <summary>The access <paramref name="instruction"/> makes in <paramref name="method"/>, or null when it is not instrumented.</summary>
    public static MemoryAccess? Classify(Instruction instruction, MethodDefinition method)
    {
        MemoryAccess? access = Plain(instruction, method);

        // A volatile access is synchronization (acquire or release), not a candidate race; a field or
        // static keeps its identity for store buffering.
        if (access is not { } plain || instruction.Previous?.OpCode.Code != Code.Volatile)
        {
            return access;
        }

        return plain.Shape is MemoryAccessShape.Field or MemoryAccessShape.Static
            ? plain with { IsVolatile = true }
            : plain with { Shape = MemoryAccessShape.Untracked };
    }

    private static MemoryAccess? Plain(Instruction instruction, MethodDefinition method) => instruction.OpCode.Code switch
    {
        Code.Ldfld => Field((FieldReference)instruction.Operand, method, isWrite: false, isStatic: false),
        Code.Ldsfld => Field((FieldReference)instruction.Operand, method, isWrite: false, isStatic: true),
        Code.Stfld => Field((FieldReference)instruction.Operand, method, isWrite: true, isStatic: false),
        Code.Stsfld => Field((FieldReference)instruction.Operand, method, isWrite: true, isStatic: true),
        Code.Ldelem_Any => Element(((TypeReference)instruction.Operand).Name, isWrite: false),
        Code.Stelem_Any => Element(((TypeReference)instruction.Operand).Name, isWrite: true),
        _ => ElementOpCode(instruction.OpCode.Code),
    };

    /// <summary>The access to <paramref name="field"/> from <paramref name="method"/>, or null when the field is not shared user state.</summary>
    public static MemoryAccess? Field(FieldReference field, MethodDefinition method, bool isWrite, bool isStatic)
    {
        TypeReference declaring = field.DeclaringType is GenericInstanceType generic ? generic.ElementType : field.DeclaringType;
        if (IsCompilerInfrastructure(field.Name) || IsStateMachine(declaring.Name)
            || (declaring.Scope is AssemblyNameReference scope && AssemblyKinds.IsFramework(scope.Name)))
        {
            return null;
        }

        FieldDefinition? definition = TryResolve(field);
        if (definition is { IsInitOnly: true } or { IsLiteral: true })
        {
            return null;
        }

        if (!isStatic && method.IsConstructor && !method.IsStatic && declaring.FullName == method.DeclaringType.FullName)
        {
            // The object under construction is not shared yet.
            return null;
        }

        return new MemoryAccess(FieldLocation(field), isWrite, Shape(field, definition, isStatic));
    }

    /// <summary>
    /// A static of a non-generic type is named by its name; an instance field by its object when the
    /// object is a class instance (a struct's field is reached through an address or a copy).
    /// </summary>
    private static MemoryAccessShape Shape(FieldReference field, FieldDefinition? definition, bool isStatic)
    {
        if (definition is null || IsBenign(definition))
        {
            return MemoryAccessShape.Untracked;
        }

        if (isStatic)
        {
            return field.DeclaringType is GenericInstanceType || definition.DeclaringType.HasGenericParameters
                ? MemoryAccessShape.Untracked
                : MemoryAccessShape.Static;
        }

        return definition.DeclaringType.IsValueType ? MemoryAccessShape.Untracked : MemoryAccessShape.Field;
    }

    /// <summary><c>[BenignRace]</c> on the field or its type, from any namespace (the workload needs no reference to this tool).</summary>
    private static bool IsBenign(FieldDefinition field) =>
        field.CustomAttributes.Any(a => a.AttributeType.Name == BenignRaceAttribute)
        || field.DeclaringType.CustomAttributes.Any(a => a.AttributeType.Name == BenignRaceAttribute);

    /// <summary>"Namespace.Type.field" (nested types with '+', generic arguments dropped): one name per field.</summary>
    public static string FieldLocation(FieldReference field)
    {
        TypeReference declaring = field.DeclaringType is GenericInstanceType generic ? generic.ElementType : field.DeclaringType;
        return declaring.FullName.Replace('/', '+') + "." + field.Name;
    }

    /// <summary>
    /// The location of an element of an array of <paramref name="elementType"/>, named as the element
    /// opcodes name it (by size, and "Object" for references), so <c>ldelema</c> agrees with them.
    /// </summary>
    public static string ElementLocation(TypeReference elementType) => elementType.MetadataType switch
    {
        MetadataType.SByte or MetadataType.Byte or MetadataType.Boolean => "Byte",
        MetadataType.Int16 or MetadataType.UInt16 or MetadataType.Char => "Int16",
        MetadataType.Int32 or MetadataType.UInt32 => "Int32",
        MetadataType.Int64 or MetadataType.UInt64 => "Int64",
        MetadataType.IntPtr or MetadataType.UIntPtr => "IntPtr",
        MetadataType.Single => "Single",
        MetadataType.Double => "Double",
        _ when !elementType.IsValueType && elementType is not GenericParameter => "Object",
        _ => elementType.Name,
    } + "[]";

    /// <summary>
    /// Element accesses named by element size, not signedness: <c>stelem.i1</c> stores both bytes
    /// and sbytes while loads say which, and a load and a store of the same array must share a
    /// location for partial-order reduction to see them conflict.
    /// </summary>
    private static MemoryAccess? ElementOpCode(Code code) => code switch
    {
        Code.Ldelem_I1 => Element("Byte", false),
        Code.Ldelem_U1 => Element("Byte", false),
        Code.Ldelem_I2 => Element("Int16", false),
        Code.Ldelem_U2 => Element("Int16", false),
        Code.Ldelem_I4 => Element("Int32", false),
        Code.Ldelem_U4 => Element("Int32", false),
        Code.Ldelem_I8 => Element("Int64", false),
        Code.Ldelem_I => Element("IntPtr", false),
        Code.Ldelem_R4 => Element("Single", false),
        Code.Ldelem_R8 => Element("Double", false),
        Code.Ldelem_Ref => Element("Object", false),
        Code.Stelem_I1 => Element("Byte", true),
        Code.Stelem_I2 => Element("Int16", true),
        Code.Stelem_I4 => Element("Int32", true),
        Code.Stelem_I8 => Element("Int64", true),
        Code.Stelem_I => Element("IntPtr", true),
        Code.Stelem_R4 => Element("Single", true),
        Code.Stelem_R8 => Element("Double", true),
        Code.Stelem_Ref => Element("Object", true),
        _ => null,
    };

    private static MemoryAccess Element(string elementTypeName, bool isWrite) => new(elementTypeName + "[]", isWrite, MemoryAccessShape.Element);

    /// <summary><c>&lt;&gt;1__state</c>, <c>&lt;&gt;4__this</c>, <c>&lt;&gt;9__0_0</c>, hoisted <c>&lt;x&gt;5__2</c>.</summary>
    private static bool IsCompilerInfrastructure(string fieldName) =>
        fieldName.StartsWith("<>", StringComparison.Ordinal) || fieldName.Contains(">5__", StringComparison.Ordinal);

    /// <summary><c>&lt;RunAsync&gt;d__3</c>, <c>&lt;&lt;Main&gt;b__0_0&gt;d</c>: an async or iterator state machine.</summary>
    private static bool IsStateMachine(string typeName) =>
        typeName.StartsWith('<') && (typeName.Contains(">d__", StringComparison.Ordinal) || typeName.EndsWith(">d", StringComparison.Ordinal));

    private static FieldDefinition? TryResolve(FieldReference field)
    {
        try
        {
            return field.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }
}
