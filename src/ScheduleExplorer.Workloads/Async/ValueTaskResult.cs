using System.Threading.Channels;

namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Blocking on a value task: <c>ReadAsync().Result</c> and <c>GetAwaiter().GetResult()</c> on a
/// channel read. In <see cref="BlocksBeforeProducing"/> the reader blocks before the producer is
/// started, so nothing can ever write: a deadlock. In <see cref="BlocksAfterProducing"/> the
/// producer runs first and the blocking reads complete.
/// </summary>
public static class ValueTaskResult
{
    /// <summary>The bug: the only flow that could write is started after the blocking read.</summary>
    public static void BlocksBeforeProducing()
    {
        var channel = Channel.CreateUnbounded<int>();
        int first = channel.Reader.ReadAsync().Result;
        var producer = Task.Run(() => channel.Writer.TryWrite(first + 1));
        producer.Wait();
    }

    /// <summary>Fixed: the producer is started before the reads block.</summary>
    /// <exception cref="InvalidOperationException">The reads saw the wrong values.</exception>
    public static void BlocksAfterProducing()
    {
        var channel = Channel.CreateUnbounded<int>();
        var producer = Task.Run(async () =>
        {
            await channel.Writer.WriteAsync(1);
            await Task.Yield();
            await channel.Writer.WriteAsync(2);
        });
        int first = channel.Reader.ReadAsync().Result;
        int second = channel.Reader.ReadAsync().GetAwaiter().GetResult();
        producer.Wait();
        if (first != 1 || second != 2)
        {
            throw new InvalidOperationException($"Read {first} and {second}, expected 1 and 2.");
        }
    }
}
