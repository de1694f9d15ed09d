using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>ContinueWith</c> under control: the continuation task is run by an operation blocked on the
/// antecedent, which runs it (or cancels it, when the options exclude the antecedent's outcome)
/// once the antecedent completes — never on the thread pool.
/// </summary>
internal static class TaskContinuations
{
    /// <summary>
    /// Creates the continuation task with <paramref name="create"/> (given the token of a source linked
    /// to <paramref name="cancellationToken"/> and the creation options the continuation options imply)
    /// and schedules it after <paramref name="task"/>: the one body of every <c>ContinueWith</c> shim.
    /// </summary>
    public static TTask Continue<TTask>(ControlledOperation current, Task task, Delegate continuation, CancellationToken cancellationToken, TaskContinuationOptions options, Func<CancellationToken, TaskCreationOptions, TTask> create)
        where TTask : Task
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = create(cancellation.Token, CreationOptions(options));
        Schedule(current, task, next, cancellation, options);
        return next;
    }

    /// <summary>Schedules <paramref name="continuation"/> (created, not started, with <paramref name="cancellation"/>'s token) after <paramref name="antecedent"/>.</summary>
    public static void Schedule(ControlledOperation current, Task antecedent, Task continuation, CancellationTokenSource cancellation, TaskContinuationOptions options)
    {
        ArgumentNullException.ThrowIfNull(antecedent);
        var scheduler = current.Scheduler;
        scheduler.Tasks.Register(continuation, ControlledTasks.Describe("ContinueWith", ControlledSite.Current));
        Schedule(current, scheduler.Tasks.ResourceOf(antecedent), antecedent, continuation, cancellation, options);
    }

    /// <summary>
    /// Schedules <paramref name="continuation"/> (created, not started, registered) in an operation
    /// blocked on <paramref name="awaited"/>; with an <paramref name="antecedent"/>, the options may
    /// cancel it instead of running it, after that task's outcome.
    /// </summary>
    public static void Schedule(ControlledOperation current, IBlockingResource awaited, Task? antecedent, Task continuation, CancellationTokenSource cancellation, TaskContinuationOptions options)
    {
        var scheduler = current.Scheduler;
        scheduler.StartWaitingOperation(scheduler.Tasks.NewFlowName("continuation"), awaited, SchedulingPointKind.Await, ControlledSite.Current, static s =>
        {
            var (ante, cont, cts, opts) = ((Task?, Task, CancellationTokenSource, TaskContinuationOptions))s!;
            if (ante is not null && !ShouldRun(ante, opts))
            {
                cts.Cancel();
            }
            else if (cont.Status == TaskStatus.Created)
            {
                cont.RunSynchronously(TaskScheduler.Default);
            }

            cts.Dispose();
        }, (antecedent, continuation, cancellation, options));
    }

    /// <summary>The creation options a continuation task gets from its continuation options.</summary>
    public static TaskCreationOptions CreationOptions(TaskContinuationOptions options) =>
        (TaskCreationOptions)((int)options & 0x5F);

    private static bool ShouldRun(Task antecedent, TaskContinuationOptions options) => antecedent.Status switch
    {
        TaskStatus.RanToCompletion => (options & TaskContinuationOptions.NotOnRanToCompletion) == 0,
        TaskStatus.Faulted => (options & TaskContinuationOptions.NotOnFaulted) == 0,
        TaskStatus.Canceled => (options & TaskContinuationOptions.NotOnCanceled) == 0,
        _ => true,
    };
}
