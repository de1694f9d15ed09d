using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>TaskFactory.FromAsync</c> under control: a task for a Begin/End (APM) pair. The promise is
/// completed where .NET completes it: in the AsyncCallback (which the Begin method's own code calls,
/// under control) or right after Begin when it completed synchronously. For an
/// <see cref="IAsyncResult"/> given directly, an operation of its own waits for it to complete (a
/// controlled wait, instead of a thread-pool wait on its handle) and then calls End.
/// </summary>
internal static class ApmAdapter
{
    private const string Api = "Task.Factory.FromAsync";

    /// <summary>An End method with no result, as one that returns null.</summary>
    public static Func<IAsyncResult, object?> Void(Action<IAsyncResult> endMethod)
    {
        ArgumentNullException.ThrowIfNull(endMethod);
        return result =>
        {
            endMethod(result);
            return null;
        };
    }

    /// <summary>Calls <paramref name="begin"/> with a callback that calls <paramref name="endMethod"/> and completes the task.</summary>
    public static Task<TResult> FromBegin<TResult>(ControlledOperation caller, Func<AsyncCallback, IAsyncResult> begin, Func<IAsyncResult, TResult> endMethod, object? state, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(endMethod);
        var promise = Promise<TResult>(caller, state, creationOptions);
        var result = begin(asyncResult =>
        {
            if (!asyncResult.CompletedSynchronously)
            {
                Complete(promise, endMethod, asyncResult);
            }
        });
        if (result is null)
        {
            throw new InvalidOperationException("The beginMethod argument returned a null IAsyncResult.");
        }

        if (result.CompletedSynchronously)
        {
            Complete(promise, endMethod, result);
        }

        return promise.Task;
    }

    /// <summary>
    /// Calls <paramref name="endMethod"/> once <paramref name="asyncResult"/> has completed, on
    /// <paramref name="scheduler"/> when it is a scheduler of the code under test.
    /// </summary>
    public static Task<TResult> FromResult<TResult>(ControlledOperation caller, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(asyncResult);
        ArgumentNullException.ThrowIfNull(endMethod);
        bool inline = ControlledTasks.RunsAsOperation(scheduler);
        var promise = Promise<TResult>(caller, asyncResult.AsyncState, creationOptions);
        Action complete = inline
            ? () => Complete(promise, endMethod, asyncResult)
            : () => new Task(() => Complete(promise, endMethod, asyncResult)).Start(scheduler);
        if (asyncResult.IsCompleted)
        {
            complete();
            return promise.Task;
        }

        var tasks = caller.Scheduler.Tasks;
        string site = ControlledSite.Current ?? "an unknown site";
        bool controlled = asyncResult is not Task task || tasks.IsControlled(task);
        var completion = new AwaitableResource(() => asyncResult.IsCompleted, $"the IAsyncResult given to {Api} at {site}", controlled);
        caller.Scheduler.StartWaitingOperation(tasks.NewFlowName(Api), completion, SchedulingPointKind.Await, ControlledSite.Current, static state => ((Action)state!)(), complete);
        return promise.Task;
    }

    private static TaskCompletionSource<TResult> Promise<TResult>(ControlledOperation caller, object? state, TaskCreationOptions creationOptions)
    {
        var promise = new TaskCompletionSource<TResult>(state, creationOptions & ~TaskCreationOptions.RunContinuationsAsynchronously);
        caller.Scheduler.Tasks.Register(promise.Task, ControlledTasks.Describe(Api, ControlledSite.Current));
        return promise;
    }

    private static void Complete<TResult>(TaskCompletionSource<TResult> promise, Func<IAsyncResult, TResult> endMethod, IAsyncResult result)
    {
        try
        {
            promise.TrySetResult(endMethod(result));
        }
        catch (ExecutionCanceledException)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            promise.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            promise.TrySetException(e);
        }
    }
}
