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
public static class ControlledTask
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
        if (ControlledScheduler.CurrentOperation is null || scheduler != TaskScheduler.Default)
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

    /// <inheritdoc cref="Task.Wait()"/>
    public static void Wait(Task task) => Wait(task, Timeout.Infinite, CancellationToken.None);

    /// <inheritdoc cref="Task.Wait(int)"/>
    public static bool Wait(Task task, int millisecondsTimeout) => Wait(task, millisecondsTimeout, CancellationToken.None);

    /// <inheritdoc cref="Task.Wait(TimeSpan)"/>
    public static bool Wait(Task task, TimeSpan timeout) => Wait(task, Timeouts.ToMilliseconds(timeout), CancellationToken.None);

    /// <inheritdoc cref="Task.Wait(TimeSpan, CancellationToken)"/>
    public static bool Wait(Task task, TimeSpan timeout, CancellationToken cancellationToken) => Wait(task, Timeouts.ToMilliseconds(timeout), cancellationToken);

    /// <inheritdoc cref="Task.Wait(CancellationToken)"/>
    public static void Wait(Task task, CancellationToken cancellationToken) => Wait(task, Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="Task.Wait(int, CancellationToken)"/>
    public static bool Wait(Task task, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.Wait(millisecondsTimeout, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!ControlledTasks.Block(operation, task, millisecondsTimeout))
        {
            return false;
        }

        task.Wait(CancellationToken.None); // completed: rethrows as the BCL does
        return true;
    }

    /// <inheritdoc cref="Task.WaitAll(Task[])"/>
    public static void WaitAll(params Task[] tasks) => WaitAll(tasks, Timeout.Infinite, CancellationToken.None);

    /// <inheritdoc cref="Task.WaitAll(ReadOnlySpan{Task})"/>
    public static void WaitAll(params ReadOnlySpan<Task> tasks) => WaitAll(tasks.ToArray(), Timeout.Infinite, CancellationToken.None);

    /// <inheritdoc cref="Task.WaitAll(IEnumerable{Task}, CancellationToken)"/>
    public static void WaitAll(IEnumerable<Task> tasks, CancellationToken cancellationToken) => WaitAll([.. tasks], Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="Task.WaitAll(Task[], int)"/>
    public static bool WaitAll(Task[] tasks, int millisecondsTimeout) => WaitAll(tasks, millisecondsTimeout, CancellationToken.None);

    /// <inheritdoc cref="Task.WaitAll(Task[], TimeSpan)"/>
    public static bool WaitAll(Task[] tasks, TimeSpan timeout) => WaitAll(tasks, Timeouts.ToMilliseconds(timeout), CancellationToken.None);

    /// <inheritdoc cref="Task.WaitAll(Task[], CancellationToken)"/>
    public static void WaitAll(Task[] tasks, CancellationToken cancellationToken) => WaitAll(tasks, Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="Task.WaitAll(Task[], int, CancellationToken)"/>
    public static bool WaitAll(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Task.WaitAll(tasks, millisecondsTimeout, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(tasks);
        cancellationToken.ThrowIfCancellationRequested();
        return ControlledTasks.BlockUntil(operation, tasks, all: true, millisecondsTimeout)
            && Task.WaitAll(tasks, 0, CancellationToken.None); // completed: aggregates exceptions as the BCL does
    }

    /// <inheritdoc cref="Task.WaitAny(Task[])"/>
    public static int WaitAny(params Task[] tasks) => WaitAny(tasks, Timeout.Infinite, CancellationToken.None);

    /// <inheritdoc cref="Task.WaitAny(Task[], int)"/>
    public static int WaitAny(Task[] tasks, int millisecondsTimeout) => WaitAny(tasks, millisecondsTimeout, CancellationToken.None);

    /// <inheritdoc cref="Task.WaitAny(Task[], TimeSpan)"/>
    public static int WaitAny(Task[] tasks, TimeSpan timeout) => WaitAny(tasks, Timeouts.ToMilliseconds(timeout), CancellationToken.None);

    /// <inheritdoc cref="Task.WaitAny(Task[], CancellationToken)"/>
    public static int WaitAny(Task[] tasks, CancellationToken cancellationToken) => WaitAny(tasks, Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="Task.WaitAny(Task[], int, CancellationToken)"/>
    public static int WaitAny(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Task.WaitAny(tasks, millisecondsTimeout, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(tasks);
        cancellationToken.ThrowIfCancellationRequested();
        return ControlledTasks.BlockUntil(operation, tasks, all: false, millisecondsTimeout) ? Array.FindIndex(tasks, t => t.IsCompleted) : -1;
    }

    /// <inheritdoc cref="Task.WhenAll(Task[])"/>
    public static Task WhenAll(params Task[] tasks) => WhenAllCore(tasks);

    /// <inheritdoc cref="Task.WhenAll(ReadOnlySpan{Task})"/>
    public static Task WhenAll(params ReadOnlySpan<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAll(tasks) : WhenAllCore(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenAll(IEnumerable{Task})"/>
    public static Task WhenAll(IEnumerable<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAll(tasks) : WhenAllCore([.. tasks]);

    /// <inheritdoc cref="Task.WhenAll{TResult}(Task{TResult}[])"/>
    public static Task<TResult[]> WhenAll<TResult>(params Task<TResult>[] tasks) => WhenAllCore(tasks);

    /// <inheritdoc cref="Task.WhenAll{TResult}(ReadOnlySpan{Task{TResult}})"/>
    public static Task<TResult[]> WhenAll<TResult>(params ReadOnlySpan<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAll(tasks) : WhenAllCore(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenAll{TResult}(IEnumerable{Task{TResult}})"/>
    public static Task<TResult[]> WhenAll<TResult>(IEnumerable<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAll(tasks) : WhenAllCore([.. tasks]);

    /// <inheritdoc cref="Task.WhenAny(Task[])"/>
    public static Task<Task> WhenAny(params Task[] tasks) => WhenAnyCore(tasks);

    /// <inheritdoc cref="Task.WhenAny(Task, Task)"/>
    public static Task<Task> WhenAny(Task task1, Task task2) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(task1, task2) : WhenAnyCore([task1, task2]);

    /// <inheritdoc cref="Task.WhenAny(ReadOnlySpan{Task})"/>
    public static Task<Task> WhenAny(params ReadOnlySpan<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(tasks) : WhenAnyCore(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenAny(IEnumerable{Task})"/>
    public static Task<Task> WhenAny(IEnumerable<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(tasks) : WhenAnyCore([.. tasks]);

    /// <inheritdoc cref="Task.WhenAny{TResult}(Task{TResult}[])"/>
    public static Task<Task<TResult>> WhenAny<TResult>(params Task<TResult>[] tasks) => WhenAnyCore(tasks);

    /// <inheritdoc cref="Task.WhenAny{TResult}(Task{TResult}, Task{TResult})"/>
    public static Task<Task<TResult>> WhenAny<TResult>(Task<TResult> task1, Task<TResult> task2) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(task1, task2) : WhenAnyCore([task1, task2]);

    /// <inheritdoc cref="Task.WhenAny{TResult}(ReadOnlySpan{Task{TResult}})"/>
    public static Task<Task<TResult>> WhenAny<TResult>(params ReadOnlySpan<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(tasks) : WhenAnyCore(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenAny{TResult}(IEnumerable{Task{TResult}})"/>
    public static Task<Task<TResult>> WhenAny<TResult>(IEnumerable<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenAny(tasks) : WhenAnyCore([.. tasks]);

    private static Task WhenAllCore(Task[] tasks)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || tasks is null || Array.Exists(tasks, t => t is null) || Array.TrueForAll(tasks, t => t.IsCompleted))
        {
            return Task.WhenAll(tasks!);
        }

        return ControlledTasks.When<bool>(operation, tasks, all: true, "Task.WhenAll", () => Task.WhenAll(tasks).ContinueWith(
            static t => { t.GetAwaiter().GetResult(); return true; }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
    }

    private static Task<TResult[]> WhenAllCore<TResult>(Task<TResult>[] tasks)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || tasks is null || Array.Exists(tasks, t => t is null) || Array.TrueForAll(tasks, t => t.IsCompleted))
        {
            return Task.WhenAll(tasks!);
        }

        return ControlledTasks.When(operation, tasks, all: true, "Task.WhenAll", () => Task.WhenAll(tasks));
    }

    private static Task<Task> WhenAnyCore(Task[] tasks)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || tasks is null || tasks.Length == 0 || Array.Exists(tasks, t => t is null || t.IsCompleted))
        {
            return Task.WhenAny(tasks!);
        }

        return ControlledTasks.When(operation, tasks, all: false, "Task.WhenAny", () => Task.WhenAny(tasks));
    }

    private static Task<Task<TResult>> WhenAnyCore<TResult>(Task<TResult>[] tasks)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || tasks is null || tasks.Length == 0 || Array.Exists(tasks, t => t is null || t.IsCompleted))
        {
            return Task.WhenAny(tasks!);
        }

        return ControlledTasks.When(operation, tasks, all: false, "Task.WhenAny", () => Task.WhenAny(tasks));
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
        if (ControlledScheduler.CurrentOperation is not { } operation || scheduler != TaskScheduler.Default)
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
        if (ControlledScheduler.CurrentOperation is not { } operation || scheduler != TaskScheduler.Default)
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
        if (ControlledScheduler.CurrentOperation is not { } operation || scheduler != TaskScheduler.Default)
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
        if (ControlledScheduler.CurrentOperation is not { } operation || scheduler != TaskScheduler.Default)
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
