using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>Parallel.ForEachAsync</c> (and <c>Parallel.ForAsync</c>) under control: up to the degree of
/// parallelism async flows each take the next item and await its body; the returned task completes
/// when every flow is done. The items are an array, or an <see cref="IAsyncEnumerator{T}"/> that one
/// flow at a time advances (as in .NET, where the flows share it under an async lock); it is
/// disposed before the task completes. Waits are continuations of the flows, so nothing runs on the
/// thread pool.
/// </summary>
/// <typeparam name="TSource">The item type.</typeparam>
internal sealed class ParallelForEachAsync<TSource>
{
    private const string Api = "Parallel.ForEachAsync";
    private readonly TSource[]? _items;
    private readonly IAsyncEnumerator<TSource>? _stream;
    private readonly Func<TSource, CancellationToken, ValueTask> _body;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource _done = new();
    private readonly List<Exception> _exceptions = [];
    private int _next;
    private int _running;
    private bool _fetching;
    private bool _ended;

    private ParallelForEachAsync(TSource[]? items, IAsyncEnumerator<TSource>? stream, Func<TSource, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        _items = items;
        _stream = stream;
        _body = body;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Starts the loop over <paramref name="items"/>.</summary>
    public static Task Start(ControlledOperation caller, TSource[] items, ParallelOptions options, Func<TSource, CancellationToken, ValueTask> body, string api = Api)
    {
        if (options.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(options.CancellationToken);
        }

        return Start(caller, new ParallelForEachAsync<TSource>(items, stream: null, body, options.CancellationToken), Math.Min(Degree(options), items.Length), api);
    }

    /// <summary>Starts the loop over the items of <paramref name="source"/>.</summary>
    public static Task Start(ControlledOperation caller, IAsyncEnumerable<TSource> source, ParallelOptions options, Func<TSource, CancellationToken, ValueTask> body)
    {
        if (options.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(options.CancellationToken);
        }

        var stream = source.GetAsyncEnumerator(options.CancellationToken);
        return Start(caller, new ParallelForEachAsync<TSource>(items: null, stream, body, options.CancellationToken), Degree(options), Api);
    }

    private static int Degree(ParallelOptions options) => options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : ParallelLoop.DefaultDegree;

    private static Task Start(ControlledOperation caller, ParallelForEachAsync<TSource> loop, int flows, string api)
    {
        var scheduler = caller.Scheduler;
        scheduler.Tasks.Register(loop._done.Task, ControlledTasks.Describe(api, ControlledSite.Current));
        loop._running = flows;
        if (flows == 0)
        {
            return Task.CompletedTask;
        }

        string name = api[(api.IndexOf('.', StringComparison.Ordinal) + 1)..] + " worker";
        for (int i = 0; i < flows; i++)
        {
            scheduler.StartTaskOperation(scheduler.Tasks.NewFlowName(name), static s => ((ParallelForEachAsync<TSource>)s!).Pump(), loop);
        }

        return loop._done.Task;
    }

    /// <summary>Runs items until one's body (or the stream's next item) has not completed: then continues when it has.</summary>
    private void Pump()
    {
        while (ShimState.Touch(this) && _exceptions.Count == 0 && !_cancellationToken.IsCancellationRequested && !_ended)
        {
            if (_stream is null)
            {
                if (_next >= _items!.Length)
                {
                    break;
                }

                if (!RunBody(_items[_next++]))
                {
                    return;
                }

                continue;
            }

            if (_fetching)
            {
                // Another flow is advancing the stream: this one takes the item after it.
                AwaitThen(() => !_fetching, "the next item of the stream (Parallel.ForEachAsync)", Pump);
                return;
            }

            if (!TryMoveNext(out var move))
            {
                break;
            }

            if (!move.IsCompleted)
            {
                AwaitThen(() => move.IsCompleted, "the next item of the stream (Parallel.ForEachAsync)", () => AfterMove(move));
                return;
            }

            if (TakeMoved(move, out var item) && !RunBody(item))
            {
                return;
            }
        }

        Exit();
    }

    private bool TryMoveNext(out ValueTask<bool> move)
    {
        _fetching = true;
        try
        {
            move = _stream!.MoveNextAsync();
            return true;
        }
        catch (Exception e) when (e is not ExecutionCanceledException)
        {
            _fetching = false;
            _exceptions.Add(e);
            move = default;
            return false;
        }
    }

    private void AfterMove(ValueTask<bool> move)
    {
        if (TakeMoved(move, out var item) && !RunBody(item))
        {
            return;
        }

        Pump();
    }

    /// <summary>The item the completed <paramref name="move"/> reached; false at the end of the stream or when it failed.</summary>
    private bool TakeMoved(ValueTask<bool> move, out TSource item)
    {
        _fetching = false;
        item = default!;
        try
        {
            if (!move.GetAwaiter().GetResult())
            {
                _ended = true;
                return false;
            }

            item = _stream!.Current;
            return true;
        }
        catch (Exception e) when (e is not ExecutionCanceledException)
        {
            _exceptions.Add(e);
            return false;
        }
    }

    /// <summary>Runs the body on <paramref name="item"/>; false when it has not completed (the flow goes on when it has).</summary>
    private bool RunBody(TSource item)
    {
        ValueTask pending;
        try
        {
            pending = _body(item, _cancellationToken);
        }
        catch (Exception e) when (e is not ExecutionCanceledException)
        {
            _exceptions.Add(e);
            return true;
        }

        if (!pending.IsCompleted)
        {
            AwaitThen(() => pending.IsCompleted, "an item's body (Parallel.ForEachAsync)", () => { Observe(pending); Pump(); });
            return false;
        }

        Observe(pending);
        return true;
    }

    private static void AwaitThen(Func<bool> condition, string name, Action continuation)
    {
        var operation = ControlledScheduler.CurrentOperation!;
        var awaited = new AwaitableResource(condition, name, isControlled: true);
        operation.Scheduler.Await(operation, awaited, continuation, ControlledSite.Current, context: null, asyncMethod: null);
    }

    private void Observe(ValueTask completed)
    {
        try
        {
            completed.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not ExecutionCanceledException)
        {
            _exceptions.Add(e);
        }
    }

    /// <summary>A flow is done; the last one disposes the stream and completes the loop's task.</summary>
    private void Exit()
    {
        if (--_running != 0)
        {
            return;
        }

        if (_stream is not null)
        {
            ValueTask disposing;
            try
            {
                disposing = _stream.DisposeAsync();
            }
            catch (Exception e) when (e is not ExecutionCanceledException)
            {
                _exceptions.Add(e);
                Finish();
                return;
            }

            if (!disposing.IsCompleted)
            {
                AwaitThen(() => disposing.IsCompleted, "the stream's DisposeAsync (Parallel.ForEachAsync)", () => { Observe(disposing); Finish(); });
                return;
            }

            Observe(disposing);
        }

        Finish();
    }

    private void Finish()
    {
        if (_exceptions.Count > 0)
        {
            _done.SetException(_exceptions);
        }
        else if (_cancellationToken.IsCancellationRequested)
        {
            _done.SetCanceled(_cancellationToken);
        }
        else
        {
            _done.SetResult();
        }
    }
}
