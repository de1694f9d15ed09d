using System.Reflection;

namespace ScheduleExplorer.Testing;

/// <summary>
/// Finds a test entry in an assembly: any public static method with no parameters returning
/// <c>void</c> or <c>Task</c>, named by its full name ("Namespace.Type.Method") or by a unique
/// suffix ("Type.Method", "Method"). No attribute is required.
/// </summary>
internal static class WorkloadMethodResolver
{
    public static MethodInfo Resolve(Assembly assembly, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string wanted = name.Replace('+', '.');
        var candidates = Candidates(assembly).ToList();
        var matches = candidates.Where(m => FullName(m) == wanted).ToList();
        if (matches.Count == 0)
        {
            matches = [.. candidates.Where(m => FullName(m).EndsWith("." + wanted, StringComparison.Ordinal))];
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new WorkloadException(NotFound(assembly, name, wanted)),
            _ => throw new WorkloadException(
                $"method '{name}' is ambiguous in {assembly.GetName().Name}: {string.Join(", ", matches.Select(FullName).Order(StringComparer.Ordinal))}; give the full name."),
        };
    }

    /// <summary>"Namespace.Type.Method", with nested types joined by dots.</summary>
    public static string FullName(MethodInfo method) => $"{method.DeclaringType!.FullName!.Replace('+', '.')}.{method.Name}";

    private static IEnumerable<MethodInfo> Candidates(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = [.. e.Types.OfType<Type>()];
        }

        return types
            .Where(t => !t.IsGenericTypeDefinition)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Length == 0 && !m.IsGenericMethodDefinition && !m.IsSpecialName
                && (m.ReturnType == typeof(void) || m.ReturnType == typeof(Task)));
    }

    private static string NotFound(Assembly assembly, string name, string wanted)
    {
        bool wrongShape = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Any(m => $"{m.DeclaringType!.FullName!.Replace('+', '.')}.{m.Name}".EndsWith(wanted, StringComparison.Ordinal));
        return wrongShape
            ? $"method '{name}' in {assembly.GetName().Name} is not a test entry: it must be public static, take no parameters, and return void or Task."
            : $"method '{name}' not found in {assembly.GetName().Name}.";
    }
}
