using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Task"/>. Under a controlled run <c>Task.Run</c> bodies and <c>Start</c>ed
/// tasks are operations; <c>Task.Delay</c> is a timer on the virtual clock; <c>Wait</c>,
/// <c>WaitAll</c> and <c>WaitAny</c> block the operation (so a task that never completes is a
/// deadlock, not a hang); <c>WhenAll</c>/<c>WhenAny</c> (every overload, including the
/// <c>params ReadOnlySpan&lt;Task&gt;</c> ones C# 13 binds to) complete inside controlled operations.
/// Outside a controlled run every member is the BCL's.
/// </summary>
public static partial class ControlledTask
{
    /// <inheritdoc cref="Task.Run(Action)"/>
    public static Task Run(Action action) => Run(action, CancellationToken.None);

    /// <inheritdoc cref="Task.Run(Action, CancellationToken)"/>
    public static Task Run(Action action, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Task.Run(action, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(action);
        var task = new Task(action, cancellationToken, TaskCreationOptions.DenyChildAttach);
        ControlledTasks.Start(operation, task, "Task.Run");
        return task;
    }

    /// <inheritdoc cref="Task.Run{TResult}(Func{TResult})"/>
    public static Task<TResult> Run<TResult>(Func<TResult> function) => Run(function, CancellationToken.None);

    /// <inheritdoc cref="Task.Run{TResult}(Func{TResult}, CancellationToken)"/>
    public static Task<TResult> Run<TResult>(Func<TResult> function, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Task.Run(function, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(function);
        var task = new Task<TResult>(function, cancellationToken, TaskCreationOptions.DenyChildAttach);
        ControlledTasks.Start(operation, task, "Task.Run");
        return task;
    }

    /// <inheritdoc cref="Task.Run(Func{Task})"/>
    public static Task Run(Func<Task?> function) => Run(function, CancellationToken.None);

    /// <inheritdoc cref="Task.Run(Func{Task}, CancellationToken)"/>
    public static Task Run(Func<Task?> function, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Task.Run(function, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(function);
        var proxy = new TaskCompletionSource();
        RunAsync(operation, cancellationToken, proxy.Task, () => function(), inner => proxy.SetFromTask(inner), proxy.SetException, () => proxy.SetCanceled(cancellationToken));
        return proxy.Task;
    }

    /// <inheritdoc cref="Task.Run{TResult}(Func{Task{TResult}})"/>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function) => Run(function, CancellationToken.None);

    /// <inheritdoc cref="Task.Run{TResult}(Func{Task{TResult}}, CancellationToken)"/>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Task.Run(function, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(function);
        var proxy = new TaskCompletionSource<TResult>();
        RunAsync(operation, cancellationToken, proxy.Task, () => function(), inner => proxy.SetFromTask((Task<TResult>)inner), proxy.SetException, () => proxy.SetCanceled(cancellationToken));
        return proxy.Task;
    }

    /// <inheritdoc cref="Task.Start()"/>
    public static void Start(Task task)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            task.Start();
            return;
        }

        ArgumentNullException.ThrowIfNull(task);
        if (task.Status != TaskStatus.Created)
        {
            task.Start(); // throws the BCL's InvalidOperationException
        }

        ControlledTasks.Start(operation, task, "Task.Start");
    }

    /// <inheritdoc cref="Task.Start(TaskScheduler)"/>
    public static void Start(Task task, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is null || !ControlledTasks.RunsAsOperation(scheduler))
        {
            task.Start(scheduler);
            return;
        }

        Start(task);
    }

    /// <inheritdoc cref="Task.Delay(int)"/>
    public static Task Delay(int millisecondsDelay) => Delay(millisecondsDelay, CancellationToken.None);

    /// <inheritdoc cref="Task.Delay(TimeSpan)"/>
    public static Task Delay(TimeSpan delay) => Delay(delay, CancellationToken.None);

    /// <inheritdoc cref="Task.Delay(TimeSpan, CancellationToken)"/>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is null ? Task.Delay(delay, cancellationToken) : Delay(DelayMilliseconds(delay), cancellationToken);

    /// <inheritdoc cref="Task.Delay(TimeSpan, TimeProvider)"/>
    public static Task Delay(TimeSpan delay, TimeProvider timeProvider) => Delay(delay, timeProvider, CancellationToken.None);

    /// <inheritdoc cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>
    public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is null || timeProvider != TimeProvider.System
            ? Task.Delay(delay, timeProvider, cancellationToken) // a workload's own provider runs on its own (controlled) code
            : Delay(DelayMilliseconds(delay), cancellationToken);

    /// <inheritdoc cref="Task.Delay(int, CancellationToken)"/>
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Task.Delay(millisecondsDelay, cancellationToken);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, -1);
        return VirtualTimers.Delay(operation, millisecondsDelay, cancellationToken);
    }

    private static void RunAsync(ControlledOperation operation, CancellationToken cancellationToken, Task proxy, Func<Task?> function, Action<Task> complete, Action<Exception> fail, Action cancel)
    {
        var scheduler = operation.Scheduler;
        string api = "Task.Run";
        scheduler.Tasks.Register(proxy, ControlledTasks.Describe(api, ControlledSite.Current));
        var state = (cancellationToken, function, complete, fail, cancel);
        scheduler.StartTaskOperation(scheduler.Tasks.NewFlowName(api), static s =>
        {
            var (token, run, done, failed, canceled) = ((CancellationToken, Func<Task?>, Action<Task>, Action<Exception>, Action))s!;
            if (token.IsCancellationRequested)
            {
                canceled();
                return;
            }

            Task? inner;
            try
            {
                inner = run();
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                canceled();
                return;
            }
            catch (Exception e)
            {
                failed(e);
                return;
            }

            if (inner is null)
            {
                failed(new InvalidOperationException("The function passed to Task.Run returned a null task."));
                return;
            }

            ControlledTasks.Forward(ControlledScheduler.CurrentOperation!, inner, done);
        }, state);
    }

    private static int DelayMilliseconds(TimeSpan delay)
    {
        long milliseconds = (long)delay.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, -1, nameof(delay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, uint.MaxValue - 1, nameof(delay));
        return milliseconds > int.MaxValue ? int.MaxValue : (int)milliseconds;
    }
}
