using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Task{TResult}"/>: <c>Result</c> blocks the operation until the task completes;
/// <c>ContinueWith</c> runs the continuation in an operation of its own once the task completes.
/// </summary>
public static partial class ControlledTaskOfT
{
    /// <inheritdoc cref="Task{TResult}.Result"/>
    public static TResult get_Result<TResult>(Task<TResult> task)
    {
        if (ControlledScheduler.CurrentOperation is { } operation)
        {
            ControlledTasks.Block(operation, task);
        }

        return task.Result;
    }

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}})"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, TaskContinuationOptions.None, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}}, CancellationToken)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation, cancellationToken)
            : TaskContinuations.Continue(operation, task, continuation, cancellationToken, TaskContinuationOptions.None, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}}, TaskContinuationOptions)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation, TaskContinuationOptions continuationOptions) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation, continuationOptions)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, continuationOptions, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}}, TaskScheduler)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, scheduler)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, TaskContinuationOptions.None, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler)
            : TaskContinuations.Continue(operation, task, continuation, cancellationToken, continuationOptions, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult})"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, TaskContinuationOptions.None, (token, creation) => new Task<TNewResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult}, CancellationToken)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation, cancellationToken)
            : TaskContinuations.Continue(operation, task, continuation, cancellationToken, TaskContinuationOptions.None, (token, creation) => new Task<TNewResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult}, TaskContinuationOptions)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation, TaskContinuationOptions continuationOptions) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation, continuationOptions)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, continuationOptions, (token, creation) => new Task<TNewResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult}, TaskScheduler)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, scheduler)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, TaskContinuationOptions.None, (token, creation) => new Task<TNewResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler)
            : TaskContinuations.Continue(operation, task, continuation, cancellationToken, continuationOptions, (token, creation) => new Task<TNewResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task{TResult}.WaitAsync(CancellationToken)"/>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.WaitAsync(cancellationToken);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeout.Infinite, cancellationToken, () => task.Result);
    }

    /// <inheritdoc cref="Task{TResult}.WaitAsync(TimeSpan)"/>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.WaitAsync(timeout);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeouts.ToMilliseconds(timeout), CancellationToken.None, () => task.Result);
    }

    /// <inheritdoc cref="Task{TResult}.WaitAsync(TimeSpan, CancellationToken)"/>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.WaitAsync(timeout, cancellationToken);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeouts.ToMilliseconds(timeout), cancellationToken, () => task.Result);
    }

    /// <inheritdoc cref="Task{TResult}.WaitAsync(TimeSpan, TimeProvider)"/>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, TimeProvider timeProvider)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || timeProvider != TimeProvider.System)
        {
            return task.WaitAsync(timeout, timeProvider);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeouts.ToMilliseconds(timeout), CancellationToken.None, () => task.Result);
    }

    /// <inheritdoc cref="Task{TResult}.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || timeProvider != TimeProvider.System)
        {
            return task.WaitAsync(timeout, timeProvider, cancellationToken);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeouts.ToMilliseconds(timeout), cancellationToken, () => task.Result);
    }
}
