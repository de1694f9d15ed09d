using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// What an await of an awaitable that is not a task pauses on (a <see cref="ValueTask"/> backed by
/// an <c>IValueTaskSource</c>, such as a channel read): the awaiter's own <c>IsCompleted</c>,
/// polled at each decision. No continuation is registered with the source, so it completes
/// synchronously in the operation that completes it and never queues work to the thread pool.
/// </summary>
[DebuggerDisplay("{Name}")]
internal sealed class AwaitableResource : IBlockingResource
{
    private readonly Func<bool> _isCompleted;

    public AwaitableResource(Func<bool> isCompleted, string name, bool isControlled)
    {
        _isCompleted = isCompleted;
        Name = name;
        IsControlled = isControlled;
    }

    /// <summary>Whether the awaitable completes inside controlled operations (a channel, an async iterator).</summary>
    public bool IsControlled { get; }

    public ControlledOperation? Owner => null;

    public string Name { get; }

    public bool CanProceed(ControlledOperation operation) => _isCompleted();
}
