using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Blocking and timed waits on tasks: <c>Wait</c>, <c>WaitAll</c>, <c>WaitAny</c> and <c>WaitAsync</c>.</summary>
public static partial class ControlledTask
{
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

    /// <inheritdoc cref="Task.WaitAsync(CancellationToken)"/>
    public static Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.WaitAsync(cancellationToken);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeout.Infinite, cancellationToken, static () => true);
    }

    /// <inheritdoc cref="Task.WaitAsync(TimeSpan)"/>
    public static Task WaitAsync(Task task, TimeSpan timeout)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.WaitAsync(timeout);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeouts.ToMilliseconds(timeout), CancellationToken.None, static () => true);
    }

    /// <inheritdoc cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>
    public static Task WaitAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return task.WaitAsync(timeout, cancellationToken);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeouts.ToMilliseconds(timeout), cancellationToken, static () => true);
    }

    /// <inheritdoc cref="Task.WaitAsync(TimeSpan, TimeProvider)"/>
    public static Task WaitAsync(Task task, TimeSpan timeout, TimeProvider timeProvider)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || timeProvider != TimeProvider.System)
        {
            return task.WaitAsync(timeout, timeProvider);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeouts.ToMilliseconds(timeout), CancellationToken.None, static () => true);
    }

    /// <inheritdoc cref="Task.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>
    public static Task WaitAsync(Task task, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || timeProvider != TimeProvider.System)
        {
            return task.WaitAsync(timeout, timeProvider, cancellationToken);
        }

        return TaskTimeouts.WaitAsync(operation, task, Timeouts.ToMilliseconds(timeout), cancellationToken, static () => true);
    }
}
