using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled async method builders (every builder the compiler emits: <c>async Task</c>,
/// <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>, pooling, <c>async void</c> and async
/// iterators). Under a controlled run an await of something incomplete hands the builder a
/// <see cref="ControlledAwaiter{TAwaiter}"/> instead of the real awaiter, so the continuation becomes
/// an operation of the flow; the builder still boxes the state machine and flows the execution
/// context as in .NET. <c>Start</c> of a task-returning method names its task for reports. An
/// exception escaping an <c>async void</c> method is a bug (in .NET it crashes the process).
/// </summary>
public static class ControlledAsyncMethodBuilder
{
    /// <inheritdoc cref="AsyncTaskMethodBuilder.AwaitOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitOnCompleted<TAwaiter, TStateMachine>(ref AsyncTaskMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncTaskMethodBuilder.AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref AsyncTaskMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncTaskMethodBuilder.Start{TStateMachine}(ref TStateMachine)"/>
    public static void Start<TStateMachine>(ref AsyncTaskMethodBuilder builder, ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        builder.Start(ref stateMachine);
        if (ControlledScheduler.CurrentOperation is { } operation)
        {
            operation.Scheduler.Tasks.Register(builder.Task, AsyncMethodNames.Of(typeof(TStateMachine)));
        }
    }

    /// <inheritdoc cref="AsyncTaskMethodBuilder{TResult}.AwaitOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitOnCompleted<TResult, TAwaiter, TStateMachine>(ref AsyncTaskMethodBuilder<TResult> builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncTaskMethodBuilder{TResult}.AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitUnsafeOnCompleted<TResult, TAwaiter, TStateMachine>(ref AsyncTaskMethodBuilder<TResult> builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncTaskMethodBuilder{TResult}.Start{TStateMachine}(ref TStateMachine)"/>
    public static void Start<TResult, TStateMachine>(ref AsyncTaskMethodBuilder<TResult> builder, ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        builder.Start(ref stateMachine);
        if (ControlledScheduler.CurrentOperation is { } operation)
        {
            operation.Scheduler.Tasks.Register(builder.Task, AsyncMethodNames.Of(typeof(TStateMachine)));
        }
    }

    /// <inheritdoc cref="AsyncValueTaskMethodBuilder.AwaitOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitOnCompleted<TAwaiter, TStateMachine>(ref AsyncValueTaskMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncValueTaskMethodBuilder.AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref AsyncValueTaskMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncValueTaskMethodBuilder{TResult}.AwaitOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitOnCompleted<TResult, TAwaiter, TStateMachine>(ref AsyncValueTaskMethodBuilder<TResult> builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncValueTaskMethodBuilder{TResult}.AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitUnsafeOnCompleted<TResult, TAwaiter, TStateMachine>(ref AsyncValueTaskMethodBuilder<TResult> builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="PoolingAsyncValueTaskMethodBuilder.AwaitOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitOnCompleted<TAwaiter, TStateMachine>(ref PoolingAsyncValueTaskMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="PoolingAsyncValueTaskMethodBuilder.AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref PoolingAsyncValueTaskMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="PoolingAsyncValueTaskMethodBuilder{TResult}.AwaitOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitOnCompleted<TResult, TAwaiter, TStateMachine>(ref PoolingAsyncValueTaskMethodBuilder<TResult> builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="PoolingAsyncValueTaskMethodBuilder{TResult}.AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitUnsafeOnCompleted<TResult, TAwaiter, TStateMachine>(ref PoolingAsyncValueTaskMethodBuilder<TResult> builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncVoidMethodBuilder.AwaitOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitOnCompleted<TAwaiter, TStateMachine>(ref AsyncVoidMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncVoidMethodBuilder.AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref AsyncVoidMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncIteratorMethodBuilder.AwaitOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitOnCompleted<TAwaiter, TStateMachine>(ref AsyncIteratorMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncIteratorMethodBuilder.AwaitUnsafeOnCompleted{TAwaiter, TStateMachine}(ref TAwaiter, ref TStateMachine)"/>
    public static void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref AsyncIteratorMethodBuilder builder, ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
            return;
        }

        var controlled = Wrap(awaiter, typeof(TStateMachine));
        builder.AwaitUnsafeOnCompleted(ref controlled, ref stateMachine);
    }

    /// <inheritdoc cref="AsyncVoidMethodBuilder.SetException(Exception)"/>
    public static void SetException(ref AsyncVoidMethodBuilder builder, Exception exception)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            builder.SetException(exception);
            return;
        }

        // In .NET this exception is rethrown on the thread pool and ends the process: under control
        // it ends the operation running the method, which reports it as a bug.
        ExceptionDispatchInfo.Capture(exception).Throw();
    }

    private static ControlledAwaiter<TAwaiter> Wrap<TAwaiter>(TAwaiter awaiter, Type stateMachine)
        where TAwaiter : INotifyCompletion =>
        new(awaiter, ControlledSite.Current, stateMachine);
}
