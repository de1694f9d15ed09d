using System.Globalization;
using System.Reflection;

namespace ScheduleExplorer.Testing;

/// <summary>
/// Finds a test entry in an assembly: a public method with no parameters returning <c>void</c> or
/// <c>Task</c> — static, or on a type with a public parameterless constructor (an instance is made
/// per iteration) — named by its full name ("Namespace.Type.Method") or by a unique suffix
/// ("Type.Method", "Method"). Integer arguments may follow in parentheses to call a sized overload:
/// "DiningPhilosophers.OrderedForks(3, 1)". No attribute is required.
/// </summary>
internal static class WorkloadMethodResolver
{
    public static (MethodInfo Method, object?[] Arguments) Resolve(Assembly assembly, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var (wanted, arguments) = Parse(name);
        var matches = EntryPoints.Match(assembly, wanted, arguments.Length);
        return matches.Count switch
        {
            1 => (matches[0], [.. arguments.Cast<object?>()]),
            0 => throw new WorkloadException(EntryPoints.Exists(assembly, wanted)
                ? $"method '{name}' in {assembly.GetName().Name} is not a test entry: it must be public, take no parameters (or only the integers given in parentheses), and return void, Task or ValueTask."
                : $"method '{name}' not found in {assembly.GetName().Name}."),
            _ => throw new WorkloadException(EntryPoints.Ambiguous(assembly, name, matches)),
        };
    }

    /// <summary>The full name with its arguments, as a trace records it: "Namespace.Type.Method(3, 1)".</summary>
    public static string DisplayName(MethodInfo method, object?[] arguments) =>
        arguments.Length == 0 ? EntryPoints.FullName(method) : $"{EntryPoints.FullName(method)}({string.Join(", ", arguments)})";

    private static (string Name, int[] Arguments) Parse(string text)
    {
        string name = text.Trim().Replace('+', '.');
        int open = name.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (name, []);
        }

        if (!name.EndsWith(')'))
        {
            throw new WorkloadException($"method '{text}': arguments must be integers in parentheses, like Type.Method(3, 1).");
        }

        var inner = name[(open + 1)..^1];
        var parts = inner.Length == 0 ? [] : inner.Split(',');
        var arguments = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out arguments[i]))
            {
                throw new WorkloadException($"method '{text}': argument '{parts[i].Trim()}' is not an integer.");
            }
        }

        return (name[..open].Trim(), arguments);
    }
}
