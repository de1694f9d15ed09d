using System.Threading.Channels;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="ChannelReader{T}"/>: <c>ReadAllAsync</c> is the BCL's own async iterator,
/// whose awaits would resume on the thread pool, so under a controlled run it is replaced by an
/// enumerator whose waits are continuations of the reading flow. <c>ReadAsync</c>,
/// <c>WaitToReadAsync</c> and the writer's methods need nothing: their value tasks are awaited
/// through the controlled builders.
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
}
