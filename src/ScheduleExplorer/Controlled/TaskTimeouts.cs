using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>Task.WaitAsync</c> under control: a promise that completes like the task if it completes
/// first, or fails with <see cref="TimeoutException"/> when a virtual-time timer fires first, or is
/// cancelled with the token — whichever the schedule makes happen first.
/// </summary>
internal static class TaskTimeouts
{
    public static Task<TResult> WaitAsync<TResult>(ControlledOperation current, Task task, int millisecondsTimeout, CancellationToken cancellationToken, Func<TResult> result)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        if (task.IsCompleted)
        {
            return Like(task, result);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        if (millisecondsTimeout == 0)
        {
            return Task.FromException<TResult>(new TimeoutException());
        }

        if (millisecondsTimeout < 0 && !cancellationToken.CanBeCanceled)
        {
            return ControlledTasks.When(current, [task], all: false, "Task.WaitAsync", () => Like(task, result));
        }

        var timer = VirtualTimers.Delay(current, millisecondsTimeout, cancellationToken);
        return ControlledTasks.When(current, [task, timer], all: false, "Task.WaitAsync", () =>
            task.IsCompleted ? Like(task, result)
            : timer.IsCanceled ? Task.FromCanceled<TResult>(cancellationToken)
            : Task.FromException<TResult>(new TimeoutException()));
    }

    /// <summary>A task completed like <paramref name="completed"/>, with <paramref name="result"/> when it succeeded.</summary>
    private static Task<TResult> Like<TResult>(Task completed, Func<TResult> result)
    {
        var copy = new TaskCompletionSource<TResult>();
        if (completed.IsFaulted)
        {
            copy.SetException(completed.Exception!.InnerExceptions);
        }
        else if (completed.IsCanceled)
        {
            copy.SetCanceled();
        }
        else
        {
            copy.SetResult(result());
        }

        return copy.Task;
    }
}
