namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A single-threaded <see cref="SynchronizationContext"/>, like a UI thread's: posted callbacks
/// queue up and run only on the thread inside <see cref="Run"/>, when it pumps.
/// </summary>
public sealed class SingleThreadContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly object _gate = new();

    /// <summary>Runs <paramref name="action"/> with this context installed, then runs what it posted.</summary>
    /// <param name="action">The work; it runs on the calling thread.</param>
    public void Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            while (TryTake(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <inheritdoc/>
    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            _queue.Enqueue((d, state));
            Monitor.Pulse(_gate);
        }
    }

    /// <inheritdoc/>
    public override SynchronizationContext CreateCopy() => this;

    private bool TryTake(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out item);
        }
    }
}
