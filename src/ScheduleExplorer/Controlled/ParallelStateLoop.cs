using System.Runtime.ExceptionServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// A parallel loop with a <see cref="ParallelLoopState"/> and a thread-local value under control:
/// the calling operation and up to <c>degree - 1</c> helper operations each call <c>localInit</c>
/// once, take the next position in ascending order while <see cref="ParallelLoopState.ShouldExitCurrentIteration"/>
/// is false (so after <c>Stop</c> nothing new starts, after <c>Break</c> at k nothing above k starts
/// and everything below k has been taken), then call <c>localFinally</c>. Exceptions are aggregated
/// and mark the loop exceptional, as <see cref="Parallel"/> does.
/// </summary>
/// <typeparam name="TLocal">The thread-local value (unused by loops without one).</typeparam>
internal sealed class ParallelStateLoop<TLocal>
{
    private readonly long _from;
    private readonly long _count;
    private readonly long[]? _keys;
    private readonly Func<TLocal>? _localInit;
    private readonly Func<long, long, ParallelLoopState, TLocal, TLocal> _body;
    private readonly Action<TLocal>? _localFinally;
    private readonly CancellationToken _cancellationToken;
    private readonly object _flags = ParallelLoopStateAccess.NewFlags();
    private readonly List<Exception> _exceptions = [];
    private long _next;

    private ParallelStateLoop(ParallelStateLoopSpec<TLocal> spec, CancellationToken cancellationToken)
    {
        _from = spec.From;
        _count = spec.Count;
        _keys = spec.Keys;
        _localInit = spec.LocalInit;
        _body = spec.Body;
        _localFinally = spec.LocalFinally;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Runs the loop of <paramref name="spec"/> and returns .NET's result for how it ended.</summary>
    public static ParallelLoopResult Run(ControlledOperation caller, ParallelStateLoopSpec<TLocal> spec, ParallelOptions? options)
    {
        ArgumentNullException.ThrowIfNull(spec.Body);
        ParallelOptionsCheck.ThrowIfUnsupported(options);
        options?.CancellationToken.ThrowIfCancellationRequested();
        if (spec.Count <= 0)
        {
            return ParallelLoopStateAccess.Result(null);
        }

        int degree = options is { MaxDegreeOfParallelism: > 0 } ? options.MaxDegreeOfParallelism : ParallelLoop.DefaultDegree;
        var loop = new ParallelStateLoop<TLocal>(spec, options?.CancellationToken ?? CancellationToken.None);
        var scheduler = caller.Scheduler;
        var helpers = new ControlledOperation[(int)Math.Min(spec.Count, degree) - 1];
        for (int i = 0; i < helpers.Length; i++)
        {
            helpers[i] = scheduler.StartTaskOperation(scheduler.Tasks.NewFlowName("Parallel worker"), static s => ((ParallelStateLoop<TLocal>)s!).Work(), loop);
        }

        loop.Work();
        foreach (var helper in helpers)
        {
            scheduler.WaitFor(caller, scheduler.Resources.CompletionOf(helper), SchedulingPointKind.Join, ControlledSite.Current);
        }

        loop.ThrowIfFailed();
        return ParallelLoopStateAccess.Result(ParallelLoopStateAccess.NewState(loop._flags));
    }

    private void ThrowIfFailed()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_exceptions.Count == 1 && _exceptions[0] is OperationCanceledException canceled)
        {
            ExceptionDispatchInfo.Capture(canceled).Throw();
        }

        if (_exceptions.Count > 0)
        {
            throw new AggregateException(_exceptions);
        }
    }

    private void Work()
    {
        var state = ParallelLoopStateAccess.NewState(_flags);
        TLocal local = default!;
        bool initialized = false;
        try
        {
            if (_localInit is not null)
            {
                local = _localInit();
            }

            initialized = true;
            // Only one operation runs at a time, so taking the next position needs no lock.
            while (ShimState.Touch(this) && !_cancellationToken.IsCancellationRequested && _next < _count)
            {
                long position = _next;
                long iteration = _keys is null ? _from + position : _keys[position];
                ParallelLoopStateAccess.SetIteration(state, iteration);
                if (state.ShouldExitCurrentIteration)
                {
                    break;
                }

                _next++;
                local = _body(position, iteration, state, local);
            }
        }
        catch (Exception e) when (e is not ExecutionCanceledException)
        {
            Fail(e);
        }

        if (initialized && _localFinally is not null)
        {
            try
            {
                _localFinally(local);
            }
            catch (Exception e) when (e is not ExecutionCanceledException)
            {
                Fail(e);
            }
        }
    }

    private void Fail(Exception e)
    {
        _exceptions.Add(e);
        ParallelLoopStateAccess.SetExceptional(_flags);
    }
}
