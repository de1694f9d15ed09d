using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="ThreadPool"/>: a queued work item is a background operation. An exception
/// it throws is a bug (in .NET it ends the process).
/// </summary>
public static class ControlledThreadPool
{
    /// <inheritdoc cref="ThreadPool.QueueUserWorkItem(WaitCallback)"/>
    public static bool QueueUserWorkItem(WaitCallback callBack) => QueueUserWorkItem(callBack, null);

    /// <inheritdoc cref="ThreadPool.QueueUserWorkItem(WaitCallback, object)"/>
    public static bool QueueUserWorkItem(WaitCallback callBack, object? state)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return ThreadPool.QueueUserWorkItem(callBack, state);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Queue(operation, ExecutionContext.Capture(), s => callBack(s), state);
        return true;
    }

    /// <inheritdoc cref="ThreadPool.UnsafeQueueUserWorkItem(WaitCallback, object)"/>
    public static bool UnsafeQueueUserWorkItem(WaitCallback callBack, object? state)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return ThreadPool.UnsafeQueueUserWorkItem(callBack, state);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Queue(operation, context: null, s => callBack(s), state);
        return true;
    }

    /// <inheritdoc cref="ThreadPool.QueueUserWorkItem{TState}(Action{TState}, TState, bool)"/>
    public static bool QueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return ThreadPool.QueueUserWorkItem(callBack, state, preferLocal);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Queue(operation, ExecutionContext.Capture(), _ => callBack(state), null);
        return true;
    }

    /// <inheritdoc cref="ThreadPool.UnsafeQueueUserWorkItem{TState}(Action{TState}, TState, bool)"/>
    public static bool UnsafeQueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return ThreadPool.UnsafeQueueUserWorkItem(callBack, state, preferLocal);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Queue(operation, context: null, _ => callBack(state), null);
        return true;
    }

    private static void Queue(ControlledOperation operation, ExecutionContext? context, Action<object?> work, object? state)
    {
        var scheduler = operation.Scheduler;
        scheduler.StartTaskOperation(scheduler.Tasks.NewFlowName("work item"), static s =>
        {
            var (ctx, w, st) = ((ExecutionContext?, Action<object?>, object?))s!;
            if (ctx is null)
            {
                w(st);
            }
            else
            {
                ExecutionContext.Run(ctx, static inner => { var (run, arg) = ((Action<object?>, object?))inner!; run(arg); }, (w, st));
            }
        }, (context, work, state));
    }
}
