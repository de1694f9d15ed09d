using System.Text;
using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Shims;

/// <summary>
/// A comparable text for a type in a signature: the full name, with custom modifiers (<c>in</c>,
/// <c>ref readonly</c>, <c>volatile</c>) dropped and generic parameters named by position
/// (<c>!!0</c>), so a call site's member reference and a shim's definition compare equal.
/// </summary>
internal static class SignatureKey
{
    /// <summary>The key of <paramref name="type"/>.</summary>
    public static string Of(TypeReference type) => Of(type, typeArity: -1);

    /// <summary>
    /// The key of <paramref name="type"/> as seen from a shim of a generic type of
    /// <paramref name="typeArity"/> parameters: the shim is a generic method whose first
    /// <paramref name="typeArity"/> parameters stand for the type's (<c>!i</c> becomes <c>!!i</c>) and
    /// whose next ones stand for the method's (<c>!!j</c> becomes <c>!!(arity + j)</c>). A negative
    /// arity keeps generic parameters as they are.
    /// </summary>
    public static string Of(TypeReference type, int typeArity)
    {
        var text = new StringBuilder();
        Append(text, type, typeArity);
        return text.ToString();
    }

    private static void Append(StringBuilder text, TypeReference type, int arity)
    {
        switch (type)
        {
            case RequiredModifierType required:
                Append(text, required.ElementType, arity);
                break;
            case OptionalModifierType optional:
                Append(text, optional.ElementType, arity);
                break;
            case PinnedType pinned:
                Append(text, pinned.ElementType, arity);
                break;
            case ByReferenceType byReference:
                Append(text, byReference.ElementType, arity);
                text.Append('&');
                break;
            case PointerType pointer:
                Append(text, pointer.ElementType, arity);
                text.Append('*');
                break;
            case ArrayType array:
                Append(text, array.ElementType, arity);
                text.Append('[').Append(',', array.Rank - 1).Append(']');
                break;
            case GenericParameter parameter:
                if (arity < 0)
                {
                    text.Append(parameter.Type == GenericParameterType.Method ? "!!" : "!").Append(parameter.Position);
                }
                else
                {
                    text.Append("!!").Append(parameter.Type == GenericParameterType.Method ? arity + parameter.Position : parameter.Position);
                }

                break;
            case GenericInstanceType instance:
                AppendInstance(text, instance, arity);
                break;
            default:
                text.Append(type.FullName);
                break;
        }
    }

    private static void AppendInstance(StringBuilder text, GenericInstanceType instance, int arity)
    {
        Append(text, instance.ElementType, arity);
        text.Append('<');
        for (int i = 0; i < instance.GenericArguments.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Append(text, instance.GenericArguments[i], arity);
        }

        text.Append('>');
    }
}
