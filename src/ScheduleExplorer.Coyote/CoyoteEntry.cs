using System.Globalization;
using System.Reflection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Coyote;

/// <summary>
/// A test entry of a rewritten workload assembly, named as ScheduleExplorer names it (full name or
/// unique suffix, optional integer arguments: "DiningPhilosophers.OrderedForks(3, 1)"), and the
/// delegate Coyote's <see cref="Microsoft.Coyote.SystematicTesting.TestingEngine"/> runs.
/// </summary>
internal sealed class CoyoteEntry
{
    private readonly MethodInfo _method;
    private readonly object?[] _arguments;

    private CoyoteEntry(MethodInfo method, object?[] arguments)
    {
        _method = method;
        _arguments = arguments;
        Name = arguments.Length == 0 ? EntryPoints.FullName(method) : $"{EntryPoints.FullName(method)}({string.Join(", ", arguments)})";
    }

    /// <summary>The full name with its arguments.</summary>
    public string Name { get; }

    /// <summary>Whether the entry returns a task, so Coyote awaits it.</summary>
    public bool IsAsync => _method.ReturnType != typeof(void);

    /// <summary>Finds <paramref name="name"/> in <paramref name="assembly"/>.</summary>
    /// <exception cref="WorkloadException">No entry, or more than one, has that name.</exception>
    public static CoyoteEntry Resolve(Assembly assembly, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var (wanted, arguments) = Parse(name);
        var matches = EntryPoints.Match(assembly, wanted, arguments.Length);
        return matches.Count switch
        {
            1 => new CoyoteEntry(matches[0], [.. arguments.Cast<object?>()]),
            0 => throw new WorkloadException(EntryPoints.Exists(assembly, wanted)
                ? $"method '{name}' in {assembly.GetName().Name} is not a test entry: it must be public, take no parameters (or only the integers given in parentheses), and return void, Task or ValueTask."
                : $"method '{name}' not found in {assembly.GetName().Name}."),
            _ => throw new WorkloadException(EntryPoints.Ambiguous(assembly, name, matches)),
        };
    }

    /// <summary>
    /// The body of one iteration. A static entry without arguments is the method itself, so Coyote
    /// sees a delegate into the rewritten assembly; the others call it on a fresh instance.
    /// </summary>
    public Action AsAction()
    {
        if (_method.IsStatic && _arguments.Length == 0 && !IsAsync)
        {
            return _method.CreateDelegate<Action>();
        }

        return () => Call();
    }

    /// <summary>The body of one iteration of an async entry.</summary>
    public Func<Task> AsFunc()
    {
        if (_method.IsStatic && _arguments.Length == 0 && _method.ReturnType == typeof(Task))
        {
            return _method.CreateDelegate<Func<Task>>();
        }

        return () => Call() switch
        {
            Task task => task,
            ValueTask valueTask => valueTask.AsTask(),
            _ => Task.CompletedTask,
        };
    }

    private object? Call()
    {
        object? instance = _method.IsStatic ? null : Activator.CreateInstance(_method.DeclaringType!);
        return EntryPoints.Invoke(_method, instance, _arguments);
    }

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

        string[] parts = name[(open + 1)..^1] is { Length: > 0 } inner ? inner.Split(',') : [];
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
