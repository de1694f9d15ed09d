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
        Name = WorkloadMethodResolver.DisplayName(method, arguments);
    }

    /// <summary>The full name with its arguments.</summary>
    public string Name { get; }

    /// <summary>Whether the entry returns a task, so Coyote awaits it.</summary>
    public bool IsAsync => _method.ReturnType != typeof(void);

    /// <summary>Finds <paramref name="name"/> in <paramref name="assembly"/>, as ScheduleExplorer's engine does.</summary>
    /// <exception cref="WorkloadException">No entry, or more than one, has that name.</exception>
    public static CoyoteEntry Resolve(Assembly assembly, string name)
    {
        var (method, arguments) = WorkloadMethodResolver.Resolve(assembly, name);
        return new CoyoteEntry(method, arguments);
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
}
