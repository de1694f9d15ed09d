using System.Collections.Concurrent;

namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Two producers feed a bounded <see cref="BlockingCollection{T}"/> that one consumer drains with
/// <c>GetConsumingEnumerable</c>. Letting the first producer to finish call <c>CompleteAdding</c>
/// makes the other's <c>Add</c> throw; completing after both producers are done is correct.
/// </summary>
public sealed class LogPipeline
{
    private const int PerProducer = 2;
    private readonly BlockingCollection<int> _lines = new(boundedCapacity: 2);

    /// <summary>The bug: each producer completes adding when it is done.</summary>
    /// <exception cref="InvalidOperationException">A producer added after completion (some schedules only).</exception>
    public static void EachProducerCompletes() => new LogPipeline().Run(eachCompletes: true);

    /// <summary>The fix: adding is completed once both producers are done.</summary>
    public static void CompletesAfterBoth() => new LogPipeline().Run(eachCompletes: false);

    private void Run(bool eachCompletes)
    {
        int consumed = 0;
        var consumer = new Thread(() =>
        {
            foreach (int line in _lines.GetConsumingEnumerable())
            {
                consumed += line;
            }
        }) { Name = "consumer" };
        consumer.Start();
        var producers = WorkerThreads.Start("producer", [() => Produce(eachCompletes), () => Produce(eachCompletes)]);
        WorkerThreads.JoinAll(producers);
        if (!eachCompletes)
        {
            _lines.CompleteAdding();
        }

        consumer.Join();
        if (consumed != 2 * PerProducer || !_lines.IsCompleted)
        {
            throw new InvalidOperationException($"The consumer got {consumed} of {2 * PerProducer} lines.");
        }

        _lines.Dispose();
    }

    private void Produce(bool complete)
    {
        for (int i = 0; i < PerProducer; i++)
        {
            _lines.Add(1);
        }

        if (complete && !_lines.IsAddingCompleted)
        {
            _lines.CompleteAdding();
        }
    }
}
