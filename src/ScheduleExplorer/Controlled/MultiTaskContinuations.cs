using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>TaskFactory.ContinueWhenAll</c> and <c>ContinueWhenAny</c> under control: the continuation
/// task runs in one operation blocked on "all (any) of the tasks completed", never on the thread
/// pool. Arguments are checked as .NET checks them, and the continuation sees a copy of the array.
/// </summary>
internal static class MultiTaskContinuations
{
    private const TaskContinuationOptions NotOnAny =
        TaskContinuationOptions.NotOnCanceled | TaskContinuationOptions.NotOnFaulted | TaskContinuationOptions.NotOnRanToCompletion;

    private const TaskContinuationOptions Valid =
        TaskContinuationOptions.PreferFairness | TaskContinuationOptions.LongRunning | TaskContinuationOptions.AttachedToParent
        | TaskContinuationOptions.DenyChildAttach | TaskContinuationOptions.HideScheduler | TaskContinuationOptions.LazyCancellation
        | TaskContinuationOptions.RunContinuationsAsynchronously | NotOnAny | TaskContinuationOptions.ExecuteSynchronously;

    /// <summary>The operation that controls a continuation on <paramref name="scheduler"/>, or null (run the real member).</summary>
    public static ControlledOperation? Controlling(TaskScheduler? scheduler) =>
        ControlledScheduler.CurrentOperation is { } operation && scheduler is not null && ControlledTasks.RunsAsOperation(scheduler) ? operation : null;

    /// <summary>
    /// Creates the continuation with <paramref name="create"/> (given the copy of the tasks, a linked
    /// token and the creation options) and runs it once every task completed.
    /// </summary>
    public static TTask WhenAll<TAntecedent, TTask>(ControlledOperation current, TAntecedent[] tasks, Delegate continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, Func<TAntecedent[], CancellationToken, TaskCreationOptions, TTask> create)
        where TAntecedent : Task
        where TTask : Task
    {
        var copy = Check(tasks, continuation, continuationOptions);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = create(copy, cancellation.Token, TaskContinuations.CreationOptions(continuationOptions));
        Schedule(current, copy, all: true, "TaskFactory.ContinueWhenAll", next, cancellation, continuationOptions);
        return next;
    }

    /// <summary>
    /// Creates the continuation with <paramref name="create"/> (given a way to read the first task
    /// that completed, a linked token and the creation options) and runs it once one task completed.
    /// </summary>
    public static TTask WhenAny<TAntecedent, TTask>(ControlledOperation current, TAntecedent[] tasks, Delegate continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, Func<Func<TAntecedent>, CancellationToken, TaskCreationOptions, TTask> create)
        where TAntecedent : Task
        where TTask : Task
    {
        var copy = Check(tasks, continuation, continuationOptions);

        // The real promise completes inline in the operation that completes the first task, so it
        // names the first in (controlled) time, not the first of the array.
        var first = Task.WhenAny(copy);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = create(() => (TAntecedent)first.Result, cancellation.Token, TaskContinuations.CreationOptions(continuationOptions));
        Schedule(current, copy, all: false, "TaskFactory.ContinueWhenAny", next, cancellation, continuationOptions);
        return next;
    }

    private static void Schedule(ControlledOperation current, Task[] tasks, bool all, string api, Task next, CancellationTokenSource cancellation, TaskContinuationOptions options)
    {
        var scheduler = current.Scheduler;
        scheduler.Tasks.Register(next, ControlledTasks.Describe(api, ControlledSite.Current));
        TaskContinuations.Schedule(current, ControlledTasks.Condition(scheduler, tasks, all, api), antecedent: null, next, cancellation, options);
    }

    private static TAntecedent[] Check<TAntecedent>(TAntecedent[] tasks, Delegate continuation, TaskContinuationOptions continuationOptions)
        where TAntecedent : Task
    {
        ArgumentNullException.ThrowIfNull(continuation);
        const TaskContinuationOptions longSynchronous = TaskContinuationOptions.LongRunning | TaskContinuationOptions.ExecuteSynchronously;
        if ((continuationOptions & longSynchronous) == longSynchronous)
        {
            throw new ArgumentOutOfRangeException(nameof(continuationOptions), "The specified TaskContinuationOptions combined LongRunning and ExecuteSynchronously.  Synchronous continuations should not be long running.");
        }

        if ((continuationOptions & ~Valid) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(continuationOptions));
        }

        if ((continuationOptions & NotOnAny) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(continuationOptions), "It is invalid to exclude specific continuation kinds for continuations off of multiple tasks.");
        }

        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Length == 0)
        {
            throw new ArgumentException("The tasks argument contains no tasks.", nameof(tasks));
        }

        var copy = (TAntecedent[])tasks.Clone();
        if (Array.Exists(copy, t => t is null))
        {
            throw new ArgumentException("The tasks argument included a null value.", nameof(tasks));
        }

        return copy;
    }
}
