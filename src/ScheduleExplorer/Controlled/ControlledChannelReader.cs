using System.Threading.Channels;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="ChannelReader{T}"/>: <c>ReadAllAsync</c> is the BCL's own async iterator,
/// whose awaits would resume on the thread pool, so under a controlled run it is replaced by an
/// enumerator whose waits are continuations of the reading flow. <c>ReadAsync</c>,
/// <c>WaitToReadAsync</c> and the writer's methods need nothing: their value tasks are awaited
/// through the controlled builders. <c>Completion</c> is a task the channel creates itself: it is
/// registered as created under control (the channel completes it inside the operation that calls
/// <c>Complete</c>), so a flow that awaits a channel nobody completes is reported as a deadlock at
/// once, naming the channel's completion, rather than after the hang timeout.
/// </summary>
public static class ControlledChannelReader
{
    /// <inheritdoc cref="ChannelReader{T}.ReadAllAsync(CancellationToken)"/>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ControlledScheduler.CurrentOperation is null
            ? reader.ReadAllAsync(cancellationToken)
            : new ChannelReadAll<T>(reader, cancellationToken, ControlledSite.Current);
    }

    /// <inheritdoc cref="ChannelReader{T}.Completion"/>
    public static Task get_Completion<T>(ChannelReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var completion = reader.Completion;
        if (ControlledScheduler.CurrentOperation is { } operation)
        {
            string? site = ControlledSite.Current;
            operation.Scheduler.Tasks.Register(completion, site is null ? "ChannelReader.Completion" : $"ChannelReader.Completion at {site}");
        }

        return completion;
    }
}
