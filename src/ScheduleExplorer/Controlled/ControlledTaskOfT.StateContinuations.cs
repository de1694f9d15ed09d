using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>ContinueWith</c> overloads of <see cref="Task{TResult}"/> that pass a state object: as the others,
/// the continuation runs in an operation of its own once the task completes; the continuation
/// task's <see cref="Task.AsyncState"/> is the state, as in .NET.
/// </summary>
public static partial class ControlledTaskOfT
{
    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state)
            : Continue(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object, CancellationToken)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state, cancellationToken)
            : Continue(task, continuation, state, cancellationToken, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object, TaskContinuationOptions)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, TaskContinuationOptions continuationOptions) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state, continuationOptions)
            : Continue(task, continuation, state, CancellationToken.None, continuationOptions);

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object, TaskScheduler)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, state, scheduler)
            : Continue(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, state, cancellationToken, continuationOptions, scheduler)
            : Continue(task, continuation, state, cancellationToken, continuationOptions);

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state)
            : Continue(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object, CancellationToken)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state, cancellationToken)
            : Continue(task, continuation, state, cancellationToken, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object, TaskContinuationOptions)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, TaskContinuationOptions continuationOptions) =>
        ControlledScheduler.CurrentOperation is null
            ? task.ContinueWith(continuation, state, continuationOptions)
            : Continue(task, continuation, state, CancellationToken.None, continuationOptions);

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object, TaskScheduler)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, state, scheduler)
            : Continue(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None);

    /// <inheritdoc cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler)
            ? task.ContinueWith(continuation, state, cancellationToken, continuationOptions, scheduler)
            : Continue(task, continuation, state, cancellationToken, continuationOptions);

    private static Task Continue<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions) =>
        TaskContinuations.Continue(ControlledScheduler.CurrentOperation!, task, continuation, cancellationToken, continuationOptions, (token, creation) => new Task(s => continuation(task, s), state, token, creation));

    private static Task<TNewResult> Continue<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions) =>
        TaskContinuations.Continue(ControlledScheduler.CurrentOperation!, task, continuation, cancellationToken, continuationOptions, (token, creation) => new Task<TNewResult>(s => continuation(task, s), state, token, creation));
}
