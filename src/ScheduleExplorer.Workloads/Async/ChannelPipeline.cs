using System.Threading.Channels;

namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A <see cref="Channel{T}"/> pipeline: two producers, a transformer and a consumer reading with
/// <c>ReadAllAsync</c>. In <see cref="CompletesEarly"/> each producer completes the channel when it
/// is done, so the other producer's later writes are refused and items are lost. In
/// <see cref="CompletesAfterAll"/> the channel is completed once both producers are done.
/// </summary>
public static class ChannelPipeline
{
    private const int ItemsPerProducer = 2;

    /// <summary>The bug: the first producer to finish completes the channel.</summary>
    /// <exception cref="InvalidOperationException">Items were lost.</exception>
    public static Task CompletesEarly() => RunAsync(completeInProducer: true);

    /// <summary>Fixed: completion is signalled after every producer finished.</summary>
    /// <exception cref="InvalidOperationException">Items were lost.</exception>
    public static Task CompletesAfterAll() => RunAsync(completeInProducer: false);

    private static async Task RunAsync(bool completeInProducer)
    {
        var raw = Channel.CreateUnbounded<int>();
        var doubled = Channel.CreateUnbounded<int>();
        var producers = new[]
        {
            Task.Run(() => ProduceAsync(raw.Writer, 1, completeInProducer)),
            Task.Run(() => ProduceAsync(raw.Writer, 100, completeInProducer)),
        };
        var transformer = Task.Run(async () =>
        {
            await foreach (int item in raw.Reader.ReadAllAsync())
            {
                await doubled.Writer.WriteAsync(item * 2);
            }

            doubled.Writer.Complete();
        });
        var consumer = Task.Run(async () =>
        {
            int count = 0;
            await foreach (int item in doubled.Reader.ReadAllAsync())
            {
                count += item > 0 ? 1 : 0;
            }

            return count;
        });

        int[] refused = await Task.WhenAll(producers);
        if (!completeInProducer)
        {
            raw.Writer.Complete();
        }

        await transformer;
        int received = await consumer;
        int expected = producers.Length * ItemsPerProducer;
        if (received != expected)
        {
            throw new InvalidOperationException($"The pipeline lost {expected - received} of {expected} items ({refused.Sum()} writes refused after completion).");
        }
    }

    private static async Task<int> ProduceAsync(ChannelWriter<int> writer, int first, bool complete)
    {
        int refused = 0;
        for (int i = 0; i < ItemsPerProducer; i++)
        {
            await Task.Yield();
            if (!writer.TryWrite(first + i))
            {
                refused++;
            }
        }

        if (complete)
        {
            writer.TryComplete();
        }

        return refused;
    }
}
