using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>The combinators: <c>WhenAll</c> and <c>WhenAny</c>, every overload.</summary>
public static partial class ControlledTask
{
    /// <inheritdoc cref="Task.WhenAll(Task[])"/>
    public static Task WhenAll(params Task[] tasks) => WhenAllCore(tasks);

    /// <inheritdoc cref="Task.WhenAll(ReadOnlySpan{Task})"/>
    public static Task WhenAll(params ReadOnlySpan<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAll(tasks) : WhenAllCore(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenAll(IEnumerable{Task})"/>
    public static Task WhenAll(IEnumerable<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAll(tasks) : WhenAllCore([.. tasks]);

    /// <inheritdoc cref="Task.WhenAll{TResult}(Task{TResult}[])"/>
    public static Task<TResult[]> WhenAll<TResult>(params Task<TResult>[] tasks) => WhenAllCore(tasks);

    /// <inheritdoc cref="Task.WhenAll{TResult}(ReadOnlySpan{Task{TResult}})"/>
    public static Task<TResult[]> WhenAll<TResult>(params ReadOnlySpan<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAll(tasks) : WhenAllCore(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenAll{TResult}(IEnumerable{Task{TResult}})"/>
    public static Task<TResult[]> WhenAll<TResult>(IEnumerable<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAll(tasks) : WhenAllCore([.. tasks]);

    /// <inheritdoc cref="Task.WhenAny(Task[])"/>
    public static Task<Task> WhenAny(params Task[] tasks) => WhenAnyCore(tasks);

    /// <inheritdoc cref="Task.WhenAny(Task, Task)"/>
    public static Task<Task> WhenAny(Task task1, Task task2) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(task1, task2) : WhenAnyCore([task1, task2]);

    /// <inheritdoc cref="Task.WhenAny(ReadOnlySpan{Task})"/>
    public static Task<Task> WhenAny(params ReadOnlySpan<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(tasks) : WhenAnyCore(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenAny(IEnumerable{Task})"/>
    public static Task<Task> WhenAny(IEnumerable<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(tasks) : WhenAnyCore([.. tasks]);

    /// <inheritdoc cref="Task.WhenAny{TResult}(Task{TResult}[])"/>
    public static Task<Task<TResult>> WhenAny<TResult>(params Task<TResult>[] tasks) => WhenAnyCore(tasks);

    /// <inheritdoc cref="Task.WhenAny{TResult}(Task{TResult}, Task{TResult})"/>
    public static Task<Task<TResult>> WhenAny<TResult>(Task<TResult> task1, Task<TResult> task2) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(task1, task2) : WhenAnyCore([task1, task2]);

    /// <inheritdoc cref="Task.WhenAny{TResult}(ReadOnlySpan{Task{TResult}})"/>
    public static Task<Task<TResult>> WhenAny<TResult>(params ReadOnlySpan<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(tasks) : WhenAnyCore(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenAny{TResult}(IEnumerable{Task{TResult}})"/>
    public static Task<Task<TResult>> WhenAny<TResult>(IEnumerable<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(tasks) : WhenAnyCore([.. tasks]);

    private static Task WhenAllCore(Task[] tasks)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || tasks is null || Array.Exists(tasks, t => t is null) || Array.TrueForAll(tasks, t => t.IsCompleted))
        {
            return Task.WhenAll(tasks!);
        }

        return ControlledTasks.When<bool>(operation, tasks, all: true, "Task.WhenAll", () => Task.WhenAll(tasks).ContinueWith(
            static t => { t.GetAwaiter().GetResult(); return true; }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
    }

    private static Task<TResult[]> WhenAllCore<TResult>(Task<TResult>[] tasks)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || tasks is null || Array.Exists(tasks, t => t is null) || Array.TrueForAll(tasks, t => t.IsCompleted))
        {
            return Task.WhenAll(tasks!);
        }

        return ControlledTasks.When(operation, tasks, all: true, "Task.WhenAll", () => Task.WhenAll(tasks));
    }

    /// <summary>
    /// Under control the task <c>WhenAny</c> names is the one that completed first in controlled
    /// time, not the first complete one in array order, as on real threads where the first
    /// completion wins the race to complete the promise.
    /// </summary>
    private static Task<Task> WhenAnyCore(Task[] tasks)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || tasks is null || tasks.Length == 0 || Array.Exists(tasks, t => t is null))
        {
            return Task.WhenAny(tasks!);
        }

        var tasksTable = operation.Scheduler.Tasks;
        if (tasksTable.FirstCompleted(tasks) is { } first)
        {
            return Task.FromResult(first);
        }

        return ControlledTasks.When(operation, tasks, all: false, "Task.WhenAny", () => Task.FromResult(tasksTable.FirstCompleted(tasks)!));
    }

    private static Task<Task<TResult>> WhenAnyCore<TResult>(Task<TResult>[] tasks)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || tasks is null || tasks.Length == 0 || Array.Exists(tasks, t => t is null))
        {
            return Task.WhenAny(tasks!);
        }

        var tasksTable = operation.Scheduler.Tasks;
        if (tasksTable.FirstCompleted(tasks) is { } first)
        {
            return Task.FromResult(first);
        }

        return ControlledTasks.When(operation, tasks, all: false, "Task.WhenAny", () => Task.FromResult(tasksTable.FirstCompleted(tasks)!));
    }
}
