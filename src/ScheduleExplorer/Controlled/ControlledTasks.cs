using System.Globalization;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// What the task shims share: starting a task as an operation, blocking on a task, forwarding an
/// inner task's outcome, and completing a promise when tasks complete — each done by controlled
/// operations so that no task ever completes, or runs a continuation, on the thread pool.
/// </summary>
internal static class ControlledTasks
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> s_rewrittenSchedulers = new();

    /// <summary>
    /// Under a controlled run, whether work given to <paramref name="scheduler"/> becomes a controlled
    /// operation: true for the default scheduler; false for a scheduler defined in rewritten code (its
    /// own code runs, and what it uses is controlled). Any other scheduler (the framework's
    /// <c>ConcurrentExclusiveSchedulerPair</c>, <c>FromCurrentSynchronizationContext</c>, a library's)
    /// would run the work on threads the scheduler cannot see, so it is refused up front.
    /// </summary>
    /// <exception cref="Detection.UncontrolledConcurrencyException">The scheduler is neither.</exception>
    public static bool RunsAsOperation(TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (scheduler == TaskScheduler.Default)
        {
            return true;
        }

        if (s_rewrittenSchedulers.GetOrAdd(scheduler.GetType(), static type => type.Assembly.GetType("<ScheduleExplorer>Rewritten") is not null))
        {
            return false;
        }

        throw new Detection.UncontrolledConcurrencyException(
            $"TaskScheduler {scheduler.GetType().Name}",
            "Only the default scheduler and schedulers written in the code under test are controlled: pass TaskScheduler.Default, or leave the scheduler out.",
            ControlledSite.Current);
    }

    private static readonly Action<object?> s_runTask = static state =>
    {
        var task = (Task)state!;
        if (task.Status == TaskStatus.Created)
        {
            // Inline on this worker, under the execution context the task captured.
            task.RunSynchronously(TaskScheduler.Default);
        }
    };

    /// <summary>Runs <paramref name="task"/> (not started yet) as a new background operation.</summary>
    public static void Start(ControlledOperation current, Task task, string api)
    {
        var scheduler = current.Scheduler;
        string name = scheduler.Tasks.NewFlowName(api);
        scheduler.Tasks.Register(task, Describe(api, ControlledSite.Current));
        var operation = scheduler.StartTaskOperation(name, s_runTask, task);
        scheduler.Tasks.ResourceOf(task).Owner = operation;
    }

    /// <summary>"Task.Run at Inventory.cs:41".</summary>
    public static string Describe(string api, string? site) => site is null ? api : $"{api} at {site}";

    /// <summary>
    /// Pauses <paramref name="current"/> until <paramref name="task"/> completes (a blocking wait:
    /// <c>Wait</c>, <c>Result</c>, <c>GetResult</c>), or until the timeout passes on the virtual clock.
    /// </summary>
    public static bool Block(ControlledOperation current, Task task, int millisecondsTimeout = Timeout.Infinite)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.IsCompleted)
        {
            // A completed task never changes again: nothing to interleave with.
            return true;
        }

        var scheduler = current.Scheduler;
        return scheduler.WaitFor(current, scheduler.Tasks.ResourceOf(task), SchedulingPointKind.Join, ControlledSite.Current, millisecondsTimeout);
    }

    /// <summary>Pauses until the condition holds over <paramref name="tasks"/> (WaitAll, WaitAny).</summary>
    public static bool BlockUntil(ControlledOperation current, Task[] tasks, bool all, int millisecondsTimeout)
    {
        if (all ? Array.TrueForAll(tasks, t => t.IsCompleted) : Array.Exists(tasks, t => t.IsCompleted))
        {
            return true;
        }

        var resource = Condition(current.Scheduler, tasks, all, all ? "Task.WaitAll" : "Task.WaitAny");
        return current.Scheduler.WaitFor(current, resource, SchedulingPointKind.Join, ControlledSite.Current, millisecondsTimeout);
    }

    /// <summary>
    /// A task that completes as <paramref name="complete"/> says once all (or any) of
    /// <paramref name="tasks"/> have completed; the promise is completed by an operation of its own,
    /// blocked until then, so completion never depends on how the BCL runs continuations.
    /// </summary>
    public static Task<TResult> When<TResult>(ControlledOperation current, Task[] tasks, bool all, string api, Func<Task<TResult>> complete)
    {
        var scheduler = current.Scheduler;
        var promise = new TaskCompletionSource<TResult>();
        string description = Describe(api, ControlledSite.Current);
        scheduler.Tasks.Register(promise.Task, description);
        var resource = Condition(scheduler, tasks, all, api);
        scheduler.StartWaitingOperation(scheduler.Tasks.NewFlowName(api), resource, SchedulingPointKind.Await, ControlledSite.Current, static state =>
        {
            var (p, c) = ((TaskCompletionSource<TResult>, Func<Task<TResult>>))state!;
            p.SetFromTask(c());
        }, (promise, complete));
        return promise.Task;
    }

    /// <summary>Runs <paramref name="complete"/> on <paramref name="inner"/> once it completes, in the flow of <paramref name="current"/> (Task.Run of an async lambda).</summary>
    public static void Forward(ControlledOperation current, Task inner, Action<Task> complete)
    {
        if (inner.IsCompleted)
        {
            complete(inner);
            return;
        }

        var scheduler = current.Scheduler;
        scheduler.Await(current, scheduler.Tasks.ResourceOf(inner), () => complete(inner), ControlledSite.Current, context: null, asyncMethod: null);
    }

    /// <summary>The condition "all (or any) of <paramref name="tasks"/> completed", as one resource to block on.</summary>
    public static AwaitableResource Condition(ControlledScheduler scheduler, Task[] tasks, bool all, string api)
    {
        bool controlled = Array.TrueForAll(tasks, scheduler.Tasks.IsControlled);
        string name = $"{(all ? "all" : "any")} of {tasks.Length.ToString(CultureInfo.InvariantCulture)} tasks ({api})";
        return new AwaitableResource(all ? AllCompleted(tasks) : AnyCompleted(tasks), name, controlled);
    }

    /// <summary>
    /// Polled at every decision while something waits on it: a task never goes back to incomplete,
    /// so the tasks seen complete are not looked at again.
    /// </summary>
    private static Func<bool> AllCompleted(Task[] tasks)
    {
        int completed = 0;
        return () =>
        {
            while (completed < tasks.Length && tasks[completed].IsCompleted)
            {
                completed++;
            }

            return completed == tasks.Length;
        };
    }

    private static Func<bool> AnyCompleted(Task[] tasks)
    {
        bool any = false;
        return () =>
        {
            for (int i = 0; !any && i < tasks.Length; i++)
            {
                any = tasks[i].IsCompleted;
            }

            return any;
        };
    }
}
