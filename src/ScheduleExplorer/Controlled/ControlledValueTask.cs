using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="ValueTask"/> and <see cref="ValueTask{TResult}"/>: <c>AsTask</c> of an
/// incomplete value task backed by an <c>IValueTaskSource</c> (a channel read, say) would register a
/// continuation that runs on the thread pool; under control the task is completed by an operation
/// blocked on the value task instead. <c>Result</c> of an incomplete one blocks the operation.
/// </summary>
public static class ControlledValueTask
{
    /// <inheritdoc cref="ValueTask.AsTask"/>
    public static Task AsTask(ref ValueTask valueTask)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || valueTask.IsCompleted
            || AwaiterProbe<ValueTaskAwaiter>.TaskOf(valueTask.GetAwaiter()) is not null)
        {
            return valueTask.AsTask();
        }

        var pending = valueTask;
        var promise = new TaskCompletionSource();
        Complete(operation, () => pending.IsCompleted, promise.Task, () => promise.SetFromTask(pending.AsTask()));
        return promise.Task;
    }

    /// <inheritdoc cref="ValueTask{TResult}.AsTask"/>
    public static Task<TResult> AsTask<TResult>(ref ValueTask<TResult> valueTask)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || valueTask.IsCompleted
            || AwaiterProbe<ValueTaskAwaiter<TResult>>.TaskOf(valueTask.GetAwaiter()) is not null)
        {
            return valueTask.AsTask();
        }

        var pending = valueTask;
        var promise = new TaskCompletionSource<TResult>();
        Complete(operation, () => pending.IsCompleted, promise.Task, () => promise.SetFromTask(pending.AsTask()));
        return promise.Task;
    }

    /// <inheritdoc cref="ValueTask{TResult}.Result"/>
    public static TResult get_Result<TResult>(ref ValueTask<TResult> valueTask)
    {
        if (!valueTask.IsCompleted)
        {
            ControlledValueTaskAwaiter.BlockOn(valueTask.GetAwaiter());
        }

        return valueTask.Result;
    }

    private static void Complete(ControlledOperation current, Func<bool> isCompleted, Task promise, Action complete)
    {
        var scheduler = current.Scheduler;
        scheduler.Tasks.Register(promise, ControlledTasks.Describe("ValueTask.AsTask", ControlledSite.Current));
        var awaited = new AwaitableResource(isCompleted, "a value task (AsTask)", isControlled: true);
        scheduler.StartWaitingOperation(scheduler.Tasks.NewFlowName("AsTask"), awaited, SchedulingPointKind.Await, ControlledSite.Current, static s => ((Action)s!)(), complete);
    }
}
