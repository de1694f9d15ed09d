using System.Reflection;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Testing;

/// <summary>The code under test, ready to run: its entry and what identifies it in traces.</summary>
internal sealed class TestTarget : IDisposable
{
    private readonly IDisposable? _lifetime;

    public TestTarget(Action entry, string method, string assemblyName, Guid mvid, IDisposable? lifetime, Action? beforeIteration = null)
    {
        BeforeIteration = beforeIteration ?? (static () => { });
        Entry = entry;
        Method = method;
        AssemblyName = assemblyName;
        Mvid = mvid;
        _lifetime = lifetime;
    }

    public Action Entry { get; }

    /// <summary>Runs on the engine's thread before every iteration: puts static state back to a fresh start.</summary>
    public Action BeforeIteration { get; }

    /// <summary>The method's full name, with its arguments when it has any.</summary>
    public string Method { get; }

    public string AssemblyName { get; }

    public Guid Mvid { get; }

    /// <summary>An entry that runs <paramref name="method"/> (void or Task; static, or on a fresh instance).</summary>
    public static Action EntryFor(MethodInfo method, object?[] arguments)
    {
        if (method.IsStatic && arguments.Length == 0 && method.ReturnType == typeof(void))
        {
            return method.CreateDelegate<Action>();
        }

        return () =>
        {
            object? instance = method.IsStatic ? null : Activator.CreateInstance(method.DeclaringType!);
            object? result = EntryPoints.Invoke(method, instance, arguments);
            if (result is Task task)
            {
                if (!task.IsCompleted)
                {
                    throw new UncontrolledConcurrencyException(
                        $"{method.Name} (async)",
                        "The test returned a Task that had not completed: Task and async/await workloads are not supported yet.");
                }

                task.GetAwaiter().GetResult();
            }
        };
    }

    public void Dispose() => _lifetime?.Dispose();
}
