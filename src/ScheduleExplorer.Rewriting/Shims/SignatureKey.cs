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
    public static string Of(TypeReference type)
    {
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();
    }

    private static void Append(StringBuilder text, TypeReference type)
    {
        switch (type)
        {
            case RequiredModifierType required:
                Append(text, required.ElementType);
                break;
            case OptionalModifierType optional:
                Append(text, optional.ElementType);
                break;
            case PinnedType pinned:
                Append(text, pinned.ElementType);
                break;
            case ByReferenceType byReference:
                Append(text, byReference.ElementType);
                text.Append('&');
                break;
            case PointerType pointer:
                Append(text, pointer.ElementType);
                text.Append('*');
                break;
            case ArrayType array:
                Append(text, array.ElementType);
                text.Append('[').Append(',', array.Rank - 1).Append(']');
                break;
            case GenericParameter parameter:
                text.Append(parameter.Type == GenericParameterType.Method ? "!!" : "!").Append(parameter.Position);
                break;
            case GenericInstanceType instance:
                AppendInstance(text, instance);
                break;
            default:
                text.Append(type.FullName);
                break;
        }
    }

    private static void AppendInstance(StringBuilder text, GenericInstanceType instance)
    {
        Append(text, instance.ElementType);
        text.Append('<');
        for (int i = 0; i < instance.GenericArguments.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Append(text, instance.GenericArguments[i]);
        }

        text.Append('>');
    }
}
