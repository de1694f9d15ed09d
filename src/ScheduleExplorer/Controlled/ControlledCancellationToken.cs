using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="CancellationToken"/>: its <see cref="CancellationToken.WaitHandle"/> is a
/// controlled manual-reset event, set by the operation that cancels the source, so
/// <c>WaitOne</c> (with a timeout on the virtual clock) and <c>WaitHandle.WaitAny/WaitAll</c> over it
/// are scheduling points like any other event wait.
/// </summary>
public static class ControlledCancellationToken
{
    // The event resources of this iteration that already follow their token (resources are new
    // every iteration, so a token used again in the next iteration registers again).
    private static readonly ConditionalWeakTable<EventResource, object> s_following = new();

    /// <inheritdoc cref="CancellationToken.WaitHandle"/>
    public static WaitHandle get_WaitHandle(ref CancellationToken token)
    {
        var handle = token.WaitHandle;
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return handle;
        }

        // First seen here, the event takes the token's real state (set if it is already canceled).
        var resource = EventModel.Of(operation, handle);
        if (!token.IsCancellationRequested && s_following.TryAdd(resource, handle))
        {
            // Cancel runs its callbacks inline, in the controlled operation that cancels.
            token.Register(static state =>
            {
                if (ControlledScheduler.CurrentOperation is { } canceller)
                {
                    EventModel.Set(canceller, (EventResource)state!);
                }
            }, resource);
        }

        return handle;
    }
}
