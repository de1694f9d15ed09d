using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Shims;

/// <summary>
/// Finds the shim method a call is redirected to. For an instance method <c>M</c> of a mapped type
/// <c>T</c> the shim is a public static method of the same name taking <c>T</c> (or <c>ref T</c>
/// when <c>T</c> is a value type) followed by <c>M</c>'s parameters; for a static method exactly
/// <c>M</c>'s parameters; for <c>newobj T::.ctor(args)</c> a static <c>Create(args)</c> returning
/// <c>T</c>. For a member of a generic type <c>T&lt;A…&gt;</c> the shim is a generic method whose
/// first type parameters stand for the type's (<c>Result&lt;T&gt;(Task&lt;T&gt;)</c> for
/// <c>Task&lt;T&gt;.Result</c>), followed by the method's own. Return type and generic arity must
/// match. Results (including "no shim") are cached per member-reference full name.
/// </summary>
internal sealed class ShimResolver
{
    private readonly ShimAssembly _runtime;
    private readonly Dictionary<string, MethodDefinition?> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over <paramref name="runtime"/>'s shims.</summary>
    public ShimResolver(ShimAssembly runtime) => _runtime = runtime;

    /// <summary>
    /// The shim for a call of <paramref name="callee"/> (<paramref name="isNewObject"/> for
    /// <c>newobj</c>), or null when its type is not mapped or the shim has no matching method.
    /// </summary>
    public MethodDefinition? Find(MethodReference callee, bool isNewObject)
    {
        MethodReference element = callee is GenericInstanceMethod generic ? generic.ElementMethod : callee;
        TypeReference declaring = element.DeclaringType is GenericInstanceType instance ? instance.ElementType : element.DeclaringType;
        if (declaring is TypeSpecification || declaring is TypeDefinition)
        {
            // A type defined in the module being rewritten is user code even if it reuses a BCL name.
            return null;
        }

        string? shimName = ShimTable.ShimFor(declaring.FullName);
        if (shimName is null || (isNewObject && element.Name != ".ctor"))
        {
            return null;
        }

        string key = (isNewObject ? "newobj " : string.Empty) + element.FullName;
        if (!_cache.TryGetValue(key, out MethodDefinition? shim))
        {
            shim = _runtime.ShimType(shimName) is { } shimType ? Match(element, shimType, isNewObject) : null;
            _cache[key] = shim;
        }

        return shim;
    }

    private static MethodDefinition? Match(MethodReference callee, TypeDefinition shimType, bool isNewObject)
    {
        int typeArity = callee.DeclaringType is GenericInstanceType generic ? generic.GenericArguments.Count : 0;
        int keyArity = typeArity == 0 ? -1 : typeArity;
        string declaringKey = typeArity == 0 ? SignatureKey.Of(callee.DeclaringType) : OpenKey(callee.DeclaringType, typeArity);
        string name = isNewObject ? "Create" : callee.Name;
        string returnKey = isNewObject ? declaringKey : SignatureKey.Of(callee.ReturnType, keyArity);
        bool instance = callee.HasThis && !isNewObject;
        int offset = instance ? 1 : 0;
        string[] parameterKeys = [.. callee.Parameters.Select(p => SignatureKey.Of(p.ParameterType, keyArity))];

        foreach (MethodDefinition candidate in shimType.Methods)
        {
            if (!candidate.IsPublic || !candidate.IsStatic || candidate.Name != name
                || candidate.GenericParameters.Count != typeArity + callee.GenericParameters.Count
                || candidate.Parameters.Count != parameterKeys.Length + offset
                || SignatureKey.Of(candidate.ReturnType) != returnKey
                || (instance && !IsReceiver(candidate.Parameters[0].ParameterType, declaringKey)))
            {
                continue;
            }

            bool same = true;
            for (int i = 0; i < parameterKeys.Length && same; i++)
            {
                same = SignatureKey.Of(candidate.Parameters[i + offset].ParameterType) == parameterKeys[i];
            }

            if (same)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The key of a generic type as the shim's receiver spells it: <c>Task`1&lt;!!0&gt;</c>.</summary>
    private static string OpenKey(TypeReference declaring, int typeArity)
    {
        TypeReference open = ((GenericInstanceType)declaring).ElementType;
        return open.FullName + "<" + string.Join(",", Enumerable.Range(0, typeArity).Select(i => "!!" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ">";
    }

    /// <summary>Whether a shim's first parameter can receive the instance: <c>T</c> for a class, <c>ref T</c> for a struct.</summary>
    private static bool IsReceiver(TypeReference parameterType, string declaringKey)
    {
        TypeReference type = StripModifiers(parameterType);
        if (type is ByReferenceType byReference)
        {
            TypeReference element = StripModifiers(byReference.ElementType);
            return element.IsValueType && SignatureKey.Of(element) == declaringKey;
        }

        return !type.IsValueType && SignatureKey.Of(type) == declaringKey;
    }

    private static TypeReference StripModifiers(TypeReference type)
    {
        while (type is IModifierType modified)
        {
            type = modified.ElementType;
        }

        return type;
    }
}
