using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="TaskFactory"/>: <c>StartNew</c> on the default scheduler starts the task as
/// an operation (every option, <c>LongRunning</c> included, is one operation). A task started on a
/// workload's own <see cref="TaskScheduler"/> runs through that scheduler, whose code is the workload's.
/// </summary>
public static partial class ControlledTaskFactory
{
    /// <inheritdoc cref="TaskFactory.StartNew(Action)"/>
    public static Task StartNew(TaskFactory factory, Action action)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(action);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, factory.CancellationToken, factory.CreationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew(Action, CancellationToken)"/>
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(action, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, cancellationToken, factory.CreationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew(Action, TaskCreationOptions)"/>
    public static Task StartNew(TaskFactory factory, Action action, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(action, creationOptions);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, factory.CancellationToken, creationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew(Action, CancellationToken, TaskCreationOptions, TaskScheduler)"/>
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler))
        {
            return factory.StartNew(action, cancellationToken, creationOptions, scheduler);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, cancellationToken, creationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew(Action{object}, object)"/>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(action, state);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, state, factory.CancellationToken, factory.CreationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew(Action{object}, object, CancellationToken)"/>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(action, state, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, state, cancellationToken, factory.CreationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew(Action{object}, object, TaskCreationOptions)"/>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(action, state, creationOptions);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, state, factory.CancellationToken, creationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew(Action{object}, object, CancellationToken, TaskCreationOptions, TaskScheduler)"/>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler))
        {
            return factory.StartNew(action, state, cancellationToken, creationOptions, scheduler);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, state, cancellationToken, creationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew{TResult}(Func{TResult})"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(function);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, factory.CancellationToken, factory.CreationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew{TResult}(Func{TResult}, CancellationToken)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(function, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, cancellationToken, factory.CreationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew{TResult}(Func{TResult}, TaskCreationOptions)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(function, creationOptions);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, factory.CancellationToken, creationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew{TResult}(Func{TResult}, CancellationToken, TaskCreationOptions, TaskScheduler)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler))
        {
            return factory.StartNew(function, cancellationToken, creationOptions, scheduler);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, cancellationToken, creationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(function, state);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, state, factory.CancellationToken, factory.CreationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, CancellationToken)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(function, state, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, state, cancellationToken, factory.CreationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, TaskCreationOptions)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current))
        {
            return factory.StartNew(function, state, creationOptions);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, state, factory.CancellationToken, creationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }

    /// <inheritdoc cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, CancellationToken, TaskCreationOptions, TaskScheduler)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler))
        {
            return factory.StartNew(function, state, cancellationToken, creationOptions, scheduler);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, state, cancellationToken, creationOptions);
        ControlledTasks.Start(operation, task, "Task.Factory.StartNew");
        return task;
    }
}
