using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>TaskFactory.FromAsync&lt;TResult&gt;</c> (an End method with a result), under control (see <see cref="ApmAdapter"/>); outside a controlled run, the real method.
/// </summary>
public static partial class ControlledTaskFactory
{
    /// <summary><c>FromAsync</c> of a started operation's <see cref="IAsyncResult"/>: End is called once it completes.</summary>
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(asyncResult, endMethod);
        }

        return ApmAdapter.FromResult(operation, asyncResult, endMethod, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Current);
    }

    /// <summary><c>FromAsync</c> of a started operation's <see cref="IAsyncResult"/>: End is called once it completes.</summary>
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(asyncResult, endMethod, creationOptions);
        }

        return ApmAdapter.FromResult(operation, asyncResult, endMethod, creationOptions, factory.Scheduler ?? TaskScheduler.Current);
    }

    /// <summary><c>FromAsync</c> of a started operation's <see cref="IAsyncResult"/>: End is called once it completes.</summary>
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(asyncResult, endMethod, creationOptions, scheduler);
        }

        return ApmAdapter.FromResult(operation, asyncResult, endMethod, creationOptions, scheduler);
    }

    /// <summary><c>FromAsync</c> of a Begin/End pair: the task completes when the AsyncCallback calls End.</summary>
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, Func<AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, object? state)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(beginMethod, endMethod, state);
        }

        ArgumentNullException.ThrowIfNull(beginMethod);
        return ApmAdapter.FromBegin(operation, callback => beginMethod(callback, state), endMethod, state, factory.CreationOptions);
    }

    /// <summary><c>FromAsync</c> of a Begin/End pair: the task completes when the AsyncCallback calls End.</summary>
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, Func<AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, object? state, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(beginMethod, endMethod, state, creationOptions);
        }

        ArgumentNullException.ThrowIfNull(beginMethod);
        return ApmAdapter.FromBegin(operation, callback => beginMethod(callback, state), endMethod, state, creationOptions);
    }

    /// <summary><c>FromAsync</c> of a Begin/End pair whose Begin takes 1 argument: the task completes when the AsyncCallback calls End.</summary>
    public static Task<TResult> FromAsync<TArg1, TResult>(TaskFactory factory, Func<TArg1, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, object? state)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(beginMethod, endMethod, arg1, state);
        }

        ArgumentNullException.ThrowIfNull(beginMethod);
        return ApmAdapter.FromBegin(operation, callback => beginMethod(arg1, callback, state), endMethod, state, factory.CreationOptions);
    }

    /// <summary><c>FromAsync</c> of a Begin/End pair whose Begin takes 1 argument: the task completes when the AsyncCallback calls End.</summary>
    public static Task<TResult> FromAsync<TArg1, TResult>(TaskFactory factory, Func<TArg1, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, object? state, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(beginMethod, endMethod, arg1, state, creationOptions);
        }

        ArgumentNullException.ThrowIfNull(beginMethod);
        return ApmAdapter.FromBegin(operation, callback => beginMethod(arg1, callback, state), endMethod, state, creationOptions);
    }

    /// <summary><c>FromAsync</c> of a Begin/End pair whose Begin takes 2 arguments: the task completes when the AsyncCallback calls End.</summary>
    public static Task<TResult> FromAsync<TArg1, TArg2, TResult>(TaskFactory factory, Func<TArg1, TArg2, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, TArg2 arg2, object? state)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(beginMethod, endMethod, arg1, arg2, state);
        }

        ArgumentNullException.ThrowIfNull(beginMethod);
        return ApmAdapter.FromBegin(operation, callback => beginMethod(arg1, arg2, callback, state), endMethod, state, factory.CreationOptions);
    }

    /// <summary><c>FromAsync</c> of a Begin/End pair whose Begin takes 2 arguments: the task completes when the AsyncCallback calls End.</summary>
    public static Task<TResult> FromAsync<TArg1, TArg2, TResult>(TaskFactory factory, Func<TArg1, TArg2, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, TArg2 arg2, object? state, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(beginMethod, endMethod, arg1, arg2, state, creationOptions);
        }

        ArgumentNullException.ThrowIfNull(beginMethod);
        return ApmAdapter.FromBegin(operation, callback => beginMethod(arg1, arg2, callback, state), endMethod, state, creationOptions);
    }

    /// <summary><c>FromAsync</c> of a Begin/End pair whose Begin takes 3 arguments: the task completes when the AsyncCallback calls End.</summary>
    public static Task<TResult> FromAsync<TArg1, TArg2, TArg3, TResult>(TaskFactory factory, Func<TArg1, TArg2, TArg3, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, TArg2 arg2, TArg3 arg3, object? state)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(beginMethod, endMethod, arg1, arg2, arg3, state);
        }

        ArgumentNullException.ThrowIfNull(beginMethod);
        return ApmAdapter.FromBegin(operation, callback => beginMethod(arg1, arg2, arg3, callback, state), endMethod, state, factory.CreationOptions);
    }

    /// <summary><c>FromAsync</c> of a Begin/End pair whose Begin takes 3 arguments: the task completes when the AsyncCallback calls End.</summary>
    public static Task<TResult> FromAsync<TArg1, TArg2, TArg3, TResult>(TaskFactory factory, Func<TArg1, TArg2, TArg3, AsyncCallback, object?, IAsyncResult> beginMethod, Func<IAsyncResult, TResult> endMethod, TArg1 arg1, TArg2 arg2, TArg3 arg3, object? state, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return factory.FromAsync(beginMethod, endMethod, arg1, arg2, arg3, state, creationOptions);
        }

        ArgumentNullException.ThrowIfNull(beginMethod);
        return ApmAdapter.FromBegin(operation, callback => beginMethod(arg1, arg2, arg3, callback, state), endMethod, state, creationOptions);
    }
}
