using System.Threading.Channels;

namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A consumer that drains a <see cref="Channel{T}"/> and then awaits <c>reader.Completion</c>.
/// In <see cref="NeverCompleted"/> the producer forgets <c>Complete()</c>, so the consumer waits
/// forever: a deadlock on the channel's completion. In <see cref="Completed"/> it completes the writer.
/// </summary>
public static class ChannelCompletion
{
    private const int Items = 3;

    /// <summary>The bug: the producer never completes the channel the consumer waits to finish.</summary>
    public static Task NeverCompleted() => RunAsync(complete: false);

    /// <summary>Fixed: the producer completes the writer after its last item.</summary>
    /// <exception cref="InvalidOperationException">The consumer did not see every item.</exception>
    public static Task Completed() => RunAsync(complete: true);

    private static async Task RunAsync(bool complete)
    {
        var channel = Channel.CreateUnbounded<int>();
        var producer = Task.Run(async () =>
        {
            for (int i = 1; i <= Items; i++)
            {
                await channel.Writer.WriteAsync(i);
            }

            if (complete)
            {
                channel.Writer.Complete();
            }
        });
        var consumer = Task.Run(async () =>
        {
            int seen = 0;
            while (seen < Items)
            {
                await channel.Reader.ReadAsync();
                seen++;
            }

            await channel.Reader.Completion;
            return seen;
        });

        await producer;
        int received = await consumer;
        if (received != Items)
        {
            throw new InvalidOperationException($"The consumer saw {received} items, expected {Items}.");
        }
    }
}
