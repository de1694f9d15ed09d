using System.Threading.Channels;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>ReadAllAsync</c> under control: takes what is there, and when the channel is empty waits for
/// <c>WaitToReadAsync</c> in a continuation of the reading flow (an operation blocked on the wait).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ChannelReadAll<T> : IAsyncEnumerable<T>, IAsyncEnumerator<T>
{
    private readonly ChannelReader<T> _reader;
    private readonly string? _site;
    private CancellationToken _cancellationToken;

    public ChannelReadAll(ChannelReader<T> reader, CancellationToken cancellationToken, string? site)
    {
        _reader = reader;
        _cancellationToken = cancellationToken;
        _site = site;
    }

    public T Current { get; private set; } = default!;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellationToken = cancellationToken;
        }

        return this;
    }

    public ValueTask<bool> MoveNextAsync()
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            throw new InvalidOperationException("A controlled ReadAllAsync was enumerated outside the controlled run that created it.");
        }

        var promise = new TaskCompletionSource<bool>();
        return Advance(operation, promise) is { } now ? new ValueTask<bool>(now) : new ValueTask<bool>(promise.Task);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The next result when it is known now; otherwise null, and the promise completes later.</summary>
    private bool? Advance(ControlledOperation operation, TaskCompletionSource<bool> promise)
    {
        while (true)
        {
            if (_reader.TryRead(out T? item))
            {
                Current = item;
                return true;
            }

            var waiting = _reader.WaitToReadAsync(_cancellationToken);
            if (!waiting.IsCompleted)
            {
                var scheduler = operation.Scheduler;
                scheduler.Tasks.Register(promise.Task, ControlledTasks.Describe("ReadAllAsync", _site));
                var awaited = new AwaitableResource(() => waiting.IsCompleted, "a channel read (ReadAllAsync)", isControlled: true);
                scheduler.Await(operation, awaited, () => Resume(waiting, promise), _site, context: null, asyncMethod: "ReadAllAsync");
                return null;
            }

            if (!waiting.GetAwaiter().GetResult())
            {
                return false;
            }
        }
    }

    private void Resume(ValueTask<bool> waiting, TaskCompletionSource<bool> promise)
    {
        try
        {
            if (!waiting.GetAwaiter().GetResult())
            {
                promise.SetResult(false);
                return;
            }

            if (Advance(ControlledScheduler.CurrentOperation!, promise) is { } now)
            {
                promise.SetResult(now);
            }
        }
        catch (Exception e)
        {
            promise.TrySetException(e);
        }
    }
}
