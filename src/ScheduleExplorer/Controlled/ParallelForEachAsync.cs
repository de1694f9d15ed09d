using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>Parallel.ForEachAsync</c> under control: up to the degree of parallelism async flows each
/// take the next item and await its body; the returned task completes when every flow is done.
/// Waits are continuations of the flows, so nothing runs on the thread pool.
/// </summary>
/// <typeparam name="TSource">The item type.</typeparam>
internal sealed class ParallelForEachAsync<TSource>
{
    private readonly TSource[] _items;
    private readonly Func<TSource, CancellationToken, ValueTask> _body;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource _done = new();
    private readonly List<Exception> _exceptions = [];
    private int _next;
    private int _running;

    private ParallelForEachAsync(TSource[] items, Func<TSource, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        _items = items;
        _body = body;
        _cancellationToken = cancellationToken;
    }

    public static Task Start(ControlledOperation caller, TSource[] items, ParallelOptions options, Func<TSource, CancellationToken, ValueTask> body)
    {
        if (options.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(options.CancellationToken);
        }

        var loop = new ParallelForEachAsync<TSource>(items, body, options.CancellationToken);
        var scheduler = caller.Scheduler;
        scheduler.Tasks.Register(loop._done.Task, ControlledTasks.Describe("Parallel.ForEachAsync", ControlledSite.Current));
        int degree = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : ParallelLoop.DefaultDegree;
        loop._running = Math.Min(degree, items.Length);
        if (loop._running == 0)
        {
            return Task.CompletedTask;
        }

        for (int i = 0; i < loop._running; i++)
        {
            scheduler.StartTaskOperation(scheduler.Tasks.NewFlowName("ForEachAsync worker"), static s => ((ParallelForEachAsync<TSource>)s!).Pump(), loop);
        }

        return loop._done.Task;
    }

    /// <summary>Runs items until one's body has not completed: then continues when it has.</summary>
    private void Pump()
    {
        while (_exceptions.Count == 0 && !_cancellationToken.IsCancellationRequested && _next < _items.Length)
        {
            ValueTask pending;
            try
            {
                pending = _body(_items[_next++], _cancellationToken);
            }
            catch (Exception e) when (e is not ExecutionCanceledException)
            {
                _exceptions.Add(e);
                break;
            }

            if (!pending.IsCompleted)
            {
                var operation = ControlledScheduler.CurrentOperation!;
                var awaited = new AwaitableResource(() => pending.IsCompleted, "an item's body (Parallel.ForEachAsync)", isControlled: true);
                operation.Scheduler.Await(operation, awaited, () => { Observe(pending); Pump(); }, ControlledSite.Current, context: null, asyncMethod: null);
                return;
            }

            Observe(pending);
        }

        if (--_running == 0)
        {
            Finish();
        }
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
