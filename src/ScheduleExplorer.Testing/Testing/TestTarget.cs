using System.Reflection;
using ScheduleExplorer.Common;

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

    /// <summary>
    /// An entry that runs <paramref name="method"/> (void, Task or ValueTask; static, or on a fresh
    /// instance), inside the NUnit set-ups and tear-downs its fixture declares.
    /// </summary>
    public static Action EntryFor(MethodInfo method, object?[] arguments)
    {
        var lifecycle = FixtureLifecycle.Of(method.DeclaringType!);
        if (lifecycle.IsEmpty && method.IsStatic && arguments.Length == 0 && method.ReturnType == typeof(void))
        {
            return method.CreateDelegate<Action>();
        }

        if (lifecycle.IsEmpty)
        {
            return () =>
            {
                object? instance = method.IsStatic ? null : Activator.CreateInstance(method.DeclaringType!);
                AwaitAtEnd(EntryPoints.Invoke(method, instance, arguments), method.Name);
            };
        }

        return () =>
        {
            object? instance = method.IsStatic ? null : Activator.CreateInstance(method.DeclaringType!);
            lifecycle.Run(instance, () => Await(EntryPoints.Invoke(method, instance, arguments), method.Name), Await);
        };
    }

    /// <summary>
    /// Waits for what a test or fixture method returned: the iteration goes on when its task
    /// completes; one that never does is a deadlock.
    /// </summary>
    private static void Await(object? result, string method)
    {
        switch (result)
        {
            case Task task:
                WaitForEntry(() => task.IsCompleted, task, method);
                task.GetAwaiter().GetResult();
                break;
            case ValueTask valueTask:
                WaitForEntry(() => valueTask.IsCompleted, null, method);
                valueTask.GetAwaiter().GetResult();
                break;
        }
    }

    /// <summary>
    /// <see cref="Await"/> when nothing follows in the entry: under control, the main flow waits for
    /// an incomplete task without holding its worker (the iteration ends when the task completes).
    /// </summary>
    private static void AwaitAtEnd(object? result, string method)
    {
        if (result is Task { IsCompleted: false } task && Runtime.ControlledScheduler.CurrentOperation is { } operation)
        {
            var scheduler = operation.Scheduler;
            var resource = scheduler.Tasks.ResourceOf(task);
            scheduler.Tasks.Register(task, method);
            if (scheduler.TryJoinAtEnd(operation, resource, () => task.GetAwaiter().GetResult()))
            {
                return;
            }
        }

        Await(result, method);
    }

    public void Dispose() => _lifetime?.Dispose();

    private static void WaitForEntry(Func<bool> isCompleted, Task? task, string method)
    {
        if (isCompleted() || Runtime.ControlledScheduler.CurrentOperation is not { } operation)
        {
            return;
        }

        var scheduler = operation.Scheduler;
        Runtime.IBlockingResource resource = task is null
            ? new Runtime.AwaitableResource(isCompleted, $"the task of '{method}'", isControlled: true)
            : scheduler.Tasks.ResourceOf(task);
        if (task is not null)
        {
            scheduler.Tasks.Register(task, method);
        }

        scheduler.WaitFor(operation, resource, Runtime.SchedulingPointKind.Join, site: null);
    }
}
