using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>ContinueWith</c> overloads of <see cref="Task"/> that pass a state object: as the others,
/// the continuation runs in an operation of its own once the task completes; the continuation
/// task's <see cref="Task.AsyncState"/> is the state, as in .NET.
/// </summary>
public static partial class ControlledTask
{
    /// <inheritdoc cref="Task.ContinueWith(Action{Task, object}, object)"/>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state)
            : Continue(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task.ContinueWith(Action{Task, object}, object, CancellationToken)"/>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state, cancellationToken)
            : Continue(task, continuation, state, cancellationToken, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task.ContinueWith(Action{Task, object}, object, TaskContinuationOptions)"/>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state, TaskContinuationOptions continuationOptions) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state, continuationOptions)
            : Continue(task, continuation, state, CancellationToken.None, continuationOptions);

    /// <inheritdoc cref="Task.ContinueWith(Action{Task, object}, object, TaskScheduler)"/>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, state, scheduler)
            : Continue(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task.ContinueWith(Action{Task, object}, object, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, state, cancellationToken, continuationOptions, scheduler)
            : Continue(task, continuation, state, cancellationToken, continuationOptions);

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object)"/>
    public static Task<TNewResult> ContinueWith<TNewResult>(Task task, Func<Task, object?, TNewResult> continuation, object? state) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state)
            : Continue(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object, CancellationToken)"/>
    public static Task<TNewResult> ContinueWith<TNewResult>(Task task, Func<Task, object?, TNewResult> continuation, object? state, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state, cancellationToken)
            : Continue(task, continuation, state, cancellationToken, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object, TaskContinuationOptions)"/>
    public static Task<TNewResult> ContinueWith<TNewResult>(Task task, Func<Task, object?, TNewResult> continuation, object? state, TaskContinuationOptions continuationOptions) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state, continuationOptions)
            : Continue(task, continuation, state, CancellationToken.None, continuationOptions);

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object, TaskScheduler)"/>
    public static Task<TNewResult> ContinueWith<TNewResult>(Task task, Func<Task, object?, TNewResult> continuation, object? state, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, state, scheduler)
            : Continue(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TNewResult> ContinueWith<TNewResult>(Task task, Func<Task, object?, TNewResult> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, state, cancellationToken, continuationOptions, scheduler)
            : Continue(task, continuation, state, cancellationToken, continuationOptions);

    private static Task Continue(Task task, Action<Task, object?> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions) =>
        TaskContinuations.Continue(ControlledScheduler.CurrentOperation!, task, continuation, cancellationToken, continuationOptions, (token, creation) => new Task(s => continuation(task, s), state, token, creation));

    private static Task<TNewResult> Continue<TNewResult>(Task task, Func<Task, object?, TNewResult> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions) =>
        TaskContinuations.Continue(ControlledScheduler.CurrentOperation!, task, continuation, cancellationToken, continuationOptions, (token, creation) => new Task<TNewResult>(s => continuation(task, s), state, token, creation));
}
