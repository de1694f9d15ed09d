using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary><c>ContinueWith</c> on the default scheduler.</summary>
public static partial class ControlledTask
{
    /// <inheritdoc cref="Task.ContinueWith(Action{Task})"/>
    public static Task ContinueWith(Task task, Action<Task> continuation)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.ContinueWith(continuation);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        var next = new Task(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(TaskContinuationOptions.None));
        TaskContinuations.Schedule(operation, task, next, cancellation, TaskContinuationOptions.None);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith(Action{Task}, CancellationToken)"/>
    public static Task ContinueWith(Task task, Action<Task> continuation, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.ContinueWith(continuation, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = new Task(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(TaskContinuationOptions.None));
        TaskContinuations.Schedule(operation, task, next, cancellation, TaskContinuationOptions.None);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith(Action{Task}, TaskContinuationOptions)"/>
    public static Task ContinueWith(Task task, Action<Task> continuation, TaskContinuationOptions continuationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.ContinueWith(continuation, continuationOptions);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        var next = new Task(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(continuationOptions));
        TaskContinuations.Schedule(operation, task, next, cancellation, continuationOptions);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith(Action{Task}, TaskScheduler)"/>
    public static Task ContinueWith(Task task, Action<Task> continuation, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler))
        {
            return task.ContinueWith(continuation, scheduler);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        var next = new Task(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(TaskContinuationOptions.None));
        TaskContinuations.Schedule(operation, task, next, cancellation, TaskContinuationOptions.None);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith(Action{Task}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWith(Task task, Action<Task> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler))
        {
            return task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = new Task(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(continuationOptions));
        TaskContinuations.Schedule(operation, task, next, cancellation, continuationOptions);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult})"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.ContinueWith(continuation);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        var next = new Task<TResult>(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(TaskContinuationOptions.None));
        TaskContinuations.Schedule(operation, task, next, cancellation, TaskContinuationOptions.None);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.ContinueWith(continuation, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = new Task<TResult>(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(TaskContinuationOptions.None));
        TaskContinuations.Schedule(operation, task, next, cancellation, TaskContinuationOptions.None);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, TaskContinuationOptions continuationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.ContinueWith(continuation, continuationOptions);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        var next = new Task<TResult>(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(continuationOptions));
        TaskContinuations.Schedule(operation, task, next, cancellation, continuationOptions);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult}, TaskScheduler)"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler))
        {
            return task.ContinueWith(continuation, scheduler);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        var next = new Task<TResult>(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(TaskContinuationOptions.None));
        TaskContinuations.Schedule(operation, task, next, cancellation, TaskContinuationOptions.None);
        return next;
    }

    /// <inheritdoc cref="Task.ContinueWith{TResult}(Func{Task, TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler))
        {
            return task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler);
        }

        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = new Task<TResult>(() => continuation(task), cancellation.Token, TaskContinuations.CreationOptions(continuationOptions));
        TaskContinuations.Schedule(operation, task, next, cancellation, continuationOptions);
        return next;
    }
}
