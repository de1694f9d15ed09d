using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Cil;

/// <summary>
/// The type of the value a field access moves, as the accessing method sees it: a field of
/// <c>Box&lt;int&gt;</c> declared <c>T</c> moves an <c>int</c> (Cecil gives the declared <c>!0</c>).
/// </summary>
internal static class FieldValueType
{
    /// <summary>The type, or null when it cannot be a generic argument (a pointer) or cannot be worked out.</summary>
    public static TypeReference? Of(FieldReference field)
    {
        TypeReference declared = field.FieldType;
        if (!declared.ContainsGenericParameter)
        {
            return IsGenericArgument(declared) ? declared : null;
        }

        return field.DeclaringType is GenericInstanceType owner ? Substitute(declared, owner) : null;
    }

    private static TypeReference? Substitute(TypeReference type, GenericInstanceType owner)
    {
        switch (type)
        {
            case GenericParameter { Type: GenericParameterType.Type } parameter when parameter.Position < owner.GenericArguments.Count:
                return owner.GenericArguments[parameter.Position];
            case ArrayType array when Substitute(array.ElementType, owner) is { } element:
                return new ArrayType(element, array.Rank);
            case GenericInstanceType generic:
                var result = new GenericInstanceType(generic.ElementType);
                foreach (TypeReference argument in generic.GenericArguments)
                {
                    if (Substitute(argument, owner) is not { } substituted)
                    {
                        return null;
                    }

                    result.GenericArguments.Add(substituted);
                }

                return result;
            default:
                return type.ContainsGenericParameter || !IsGenericArgument(type) ? null : type;
        }
    }

    private static bool IsGenericArgument(TypeReference type) =>
        !(type.IsPointer || type.IsFunctionPointer || type.IsByReference || type.IsPinned || type.MetadataType == MetadataType.TypedByReference);
}
