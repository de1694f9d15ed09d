using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Stands in for a workload's awaiter when an async method awaits something incomplete under a
/// controlled run: the method builder boxes the state machine as usual and hands its continuation
/// here, and instead of registering it with the task (which would run it on the thread pool, a
/// timer thread or inline on whatever completes the task) the scheduler makes it an operation of
/// the flow, blocked on what was awaited. Every awaiter kind and <c>ConfigureAwait</c> setting goes
/// through this one path, so nothing escapes to the thread pool.
/// </summary>
/// <typeparam name="TAwaiter">The workload's awaiter type.</typeparam>
internal readonly struct ControlledAwaiter<TAwaiter> : ICriticalNotifyCompletion
    where TAwaiter : INotifyCompletion
{
    private readonly TAwaiter _inner;
    private readonly string? _site;
    private readonly Type _stateMachine;

    public ControlledAwaiter(TAwaiter inner, string? site, Type stateMachine)
    {
        _inner = inner;
        _site = site;
        _stateMachine = stateMachine;
    }

    public void OnCompleted(Action continuation) => Register(continuation);

    public void UnsafeOnCompleted(Action continuation) => Register(continuation);

    private void Register(Action continuation)
    {
        // Called by the builder synchronously inside AwaitOnCompleted, on the awaiting operation.
        // It must not throw: the builder would rethrow on the thread pool.
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            _inner.OnCompleted(continuation);
            return;
        }

        var scheduler = operation.Scheduler;
        var awaited = AwaiterProbe<TAwaiter>.ResourceOf(_inner, scheduler);
        // The context is read first: with none installed (the common case) the awaiter is not probed.
        var context = UserContext() is { } current && AwaiterProbe<TAwaiter>.CapturesContext(_inner) ? current : null;
        // The method's name only names a new flow (an await outside any async flow); looked up then.
        string? method = operation.IsAsyncFlow ? null : AsyncMethodNames.Of(_stateMachine);
        scheduler.Await(operation, awaited, continuation, _site, context, method);
    }

    /// <summary>A context the workload installed (the base class just queues to the thread pool: treated as none).</summary>
    private static SynchronizationContext? UserContext() =>
        SynchronizationContext.Current is { } context && context.GetType() != typeof(SynchronizationContext) ? context : null;
}
