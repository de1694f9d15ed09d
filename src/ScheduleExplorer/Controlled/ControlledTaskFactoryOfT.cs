using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="TaskFactory{TResult}"/> (<c>Task&lt;T&gt;.Factory</c>, <c>new TaskFactory&lt;T&gt;()</c>):
/// <c>StartNew</c> on the default scheduler runs the function in an operation of its own, as
/// <c>Task.Factory.StartNew</c> does (<c>ContinueWhenAll</c>/<c>ContinueWhenAny</c> are in the
/// partial part beside it, <c>FromAsync</c> in another).
/// </summary>
public static partial class ControlledTaskFactoryOfT
{
    /// <inheritdoc cref="TaskFactory{TResult}.StartNew(Func{TResult})"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current)
            ? factory.StartNew(function)
            : Start(operation, new Task<TResult>(function ?? throw new ArgumentNullException(nameof(function)), factory.CancellationToken, factory.CreationOptions));
    }

    /// <inheritdoc cref="TaskFactory{TResult}.StartNew(Func{TResult}, CancellationToken)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current)
            ? factory.StartNew(function, cancellationToken)
            : Start(operation, new Task<TResult>(function ?? throw new ArgumentNullException(nameof(function)), cancellationToken, factory.CreationOptions));
    }

    /// <inheritdoc cref="TaskFactory{TResult}.StartNew(Func{TResult}, TaskCreationOptions)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current)
            ? factory.StartNew(function, creationOptions)
            : Start(operation, new Task<TResult>(function ?? throw new ArgumentNullException(nameof(function)), factory.CancellationToken, creationOptions));
    }

    /// <inheritdoc cref="TaskFactory{TResult}.StartNew(Func{TResult}, CancellationToken, TaskCreationOptions, TaskScheduler)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? factory.StartNew(function, cancellationToken, creationOptions, scheduler)
            : Start(operation, new Task<TResult>(function ?? throw new ArgumentNullException(nameof(function)), cancellationToken, creationOptions));
    }

    /// <inheritdoc cref="TaskFactory{TResult}.StartNew(Func{object, TResult}, object)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current)
            ? factory.StartNew(function, state)
            : Start(operation, new Task<TResult>(function ?? throw new ArgumentNullException(nameof(function)), state, factory.CancellationToken, factory.CreationOptions));
    }

    /// <inheritdoc cref="TaskFactory{TResult}.StartNew(Func{object, TResult}, object, CancellationToken)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current)
            ? factory.StartNew(function, state, cancellationToken)
            : Start(operation, new Task<TResult>(function ?? throw new ArgumentNullException(nameof(function)), state, cancellationToken, factory.CreationOptions));
    }

    /// <inheritdoc cref="TaskFactory{TResult}.StartNew(Func{object, TResult}, object, TaskCreationOptions)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(factory.Scheduler ?? TaskScheduler.Current)
            ? factory.StartNew(function, state, creationOptions)
            : Start(operation, new Task<TResult>(function ?? throw new ArgumentNullException(nameof(function)), state, factory.CancellationToken, creationOptions));
    }

    /// <inheritdoc cref="TaskFactory{TResult}.StartNew(Func{object, TResult}, object, CancellationToken, TaskCreationOptions, TaskScheduler)"/>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledScheduler.CurrentOperation is not { } operation || !ControlledTasks.RunsAsOperation(scheduler)
            ? factory.StartNew(function, state, cancellationToken, creationOptions, scheduler)
            : Start(operation, new Task<TResult>(function ?? throw new ArgumentNullException(nameof(function)), state, cancellationToken, creationOptions));
    }

    private static Task<TResult> Start<TResult>(ControlledOperation operation, Task<TResult> task)
    {
        ControlledTasks.Start(operation, task, "TaskFactory<T>.StartNew");
        return task;
    }
}
