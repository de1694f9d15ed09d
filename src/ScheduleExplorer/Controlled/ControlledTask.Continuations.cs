using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary><c>ContinueWith</c> on the default scheduler.</summary>
public static partial class ControlledTask
{
    /// <inheritdoc cref="Task.ContinueWith(Action{Task})"/>
    public static Task ContinueWith(Task task, Action<Task> continuation) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, TaskContinuationOptions.None, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith(Action{Task}, CancellationToken)"/>
    public static Task ContinueWith(Task task, Action<Task> continuation, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation, cancellationToken)
            : TaskContinuations.Continue(operation, task, continuation, cancellationToken, TaskContinuationOptions.None, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith(Action{Task}, TaskContinuationOptions)"/>
    public static Task ContinueWith(Task task, Action<Task> continuation, TaskContinuationOptions continuationOptions) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation, continuationOptions)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, continuationOptions, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith(Action{Task}, TaskScheduler)"/>
    public static Task ContinueWith(Task task, Action<Task> continuation, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, scheduler)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, TaskContinuationOptions.None, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith(Action{Task}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWith(Task task, Action<Task> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler)
            : TaskContinuations.Continue(operation, task, continuation, cancellationToken, continuationOptions, (token, creation) => new Task(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult})"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, TaskContinuationOptions.None, (token, creation) => new Task<TResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation, cancellationToken)
            : TaskContinuations.Continue(operation, task, continuation, cancellationToken, TaskContinuationOptions.None, (token, creation) => new Task<TResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, TaskContinuationOptions continuationOptions) =>
        ControlledScheduler.CurrentOperation is not { } operation
            ? task.ContinueWith(continuation, continuationOptions)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, continuationOptions, (token, creation) => new Task<TResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult}, TaskScheduler)"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, scheduler)
            : TaskContinuations.Continue(operation, task, continuation, CancellationToken.None, TaskContinuationOptions.None, (token, creation) => new Task<TResult>(() => continuation(task), token, creation));

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler)
            : TaskContinuations.Continue(operation, task, continuation, cancellationToken, continuationOptions, (token, creation) => new Task<TResult>(() => continuation(task), token, creation));
}
