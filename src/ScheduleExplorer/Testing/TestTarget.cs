using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Testing;

/// <summary>The code under test, ready to run: its entry and what identifies it in traces.</summary>
internal sealed class TestTarget : IDisposable
{
    private readonly IDisposable? _lifetime;

    public TestTarget(Action entry, string method, string assemblyName, Guid mvid, IDisposable? lifetime)
    {
        Entry = entry;
        Method = method;
        AssemblyName = assemblyName;
        Mvid = mvid;
        _lifetime = lifetime;
    }

    public Action Entry { get; }

    public string Method { get; }

    public string AssemblyName { get; }

    public Guid Mvid { get; }

    /// <summary>An entry that runs <paramref name="method"/>, which returns void or Task.</summary>
    public static Action EntryFor(System.Reflection.MethodInfo method)
    {
        if (method.ReturnType == typeof(void))
        {
            return method.CreateDelegate<Action>();
        }

        var run = method.CreateDelegate<Func<Task>>();
        return () =>
        {
            var task = run();
            if (!task.IsCompleted)
            {
                throw new UncontrolledConcurrencyException(
                    $"{method.Name} (async)",
                    "The test returned a Task that had not completed: Task and async/await workloads are not supported yet.");
            }

            task.GetAwaiter().GetResult();
        };
    }

    public void Dispose() => _lifetime?.Dispose();
}
