using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ScheduleExplorer.Testing;

/// <summary>
/// Finds and calls test entries by name — the one rule shared by controlled runs (<c>schedex test</c>)
/// and real runs (<c>schedex stress</c>): a public method returning <c>void</c>, <c>Task</c> or <c>ValueTask</c>, static or
/// on a type with a public parameterless constructor, taking only <c>int</c> parameters (none for the
/// plain entry), named by its full name ("Namespace.Type.Method") or a unique suffix ("Type.Method").
/// </summary>
public static class EntryPoints
{
    /// <summary>"Namespace.Type.Method", with nested types joined by dots.</summary>
    public static string FullName(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return $"{method.DeclaringType!.FullName!.Replace('+', '.')}.{method.Name}";
    }

    /// <summary>
    /// The entries named <paramref name="wanted"/> (dots for nested types) with <paramref name="arity"/>
    /// <c>int</c> parameters: exact full-name matches, else suffix matches; among several, the only
    /// static one when there is exactly one.
    /// </summary>
    public static IReadOnlyList<MethodInfo> Match(Assembly assembly, string wanted, int arity)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var candidates = Candidates(assembly, arity).ToList();
        var matches = candidates.Where(m => FullName(m) == wanted).ToList();
        if (matches.Count == 0)
        {
            matches = [.. candidates.Where(m => FullName(m).EndsWith("." + wanted, StringComparison.Ordinal))];
        }

        var statics = matches.Where(m => m.IsStatic).ToList();
        return matches.Count > 1 && statics.Count == 1 ? statics : matches;
    }

    /// <summary>Whether any method at all (any visibility or shape) is named <paramref name="wanted"/>: for "wrong shape" messages.</summary>
    public static bool Exists(Assembly assembly, string wanted) =>
        LoadableTypes(assembly)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Any(m => FullName(m) is var full && (full == wanted || full.EndsWith("." + wanted, StringComparison.Ordinal)));

    /// <summary>"method 'X' is ambiguous in A: …; give the full name."</summary>
    public static string Ambiguous(Assembly assembly, string name, IEnumerable<MethodInfo> matches) =>
        $"method '{name}' is ambiguous in {assembly.GetName().Name}: {string.Join(", ", matches.Select(FullName).Order(StringComparer.Ordinal))}; give the full name.";

    /// <summary>Calls <paramref name="method"/>, rethrowing what it threw rather than reflection's wrapper.</summary>
    public static object? Invoke(MethodInfo method, object? instance, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        try
        {
            return method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static IEnumerable<MethodInfo> Candidates(Assembly assembly, int arity) =>
        LoadableTypes(assembly)
            .Where(t => !t.IsGenericTypeDefinition && (t.IsPublic || t.IsNestedPublic))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsGenericMethodDefinition && !m.IsSpecialName
                && (m.IsStatic || (!m.DeclaringType!.IsAbstract && m.DeclaringType.GetConstructor(Type.EmptyTypes) is not null))
                && (m.ReturnType == typeof(void) || m.ReturnType == typeof(Task) || m.ReturnType == typeof(ValueTask))
                && m.GetParameters() is var parameters && parameters.Length == arity && parameters.All(p => p.ParameterType == typeof(int)));

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.OfType<Type>()];
        }
    }
}
