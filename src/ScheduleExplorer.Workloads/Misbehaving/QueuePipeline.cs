namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>Several producers put 1..size into a <see cref="BoundedQueue"/>; one consumer takes and sums everything.</summary>
internal sealed class QueuePipeline
{
    // Small on purpose, so both the "full" and the "empty" waits happen even at tiny sizes.
    private const int Capacity = 2;

    private readonly BoundedQueue _queue = new(Capacity);
    private readonly int _producers;
    private readonly int _size;
    private long _sum;

    /// <summary>Creates the pipeline.</summary>
    public QueuePipeline(int producers, int size)
    {
        _producers = producers;
        _size = size;
    }

    /// <summary>Producer thread body.</summary>
    public void Produce(int producer)
    {
        for (var value = 1; value <= _size; value++)
        {
            _queue.Put(value);
        }
    }

    /// <summary>Consumer thread body: takes exactly producers × size items.</summary>
    public void Consume()
    {
        var total = (long)_producers * _size;
        for (long i = 0; i < total; i++)
        {
            _sum += _queue.Take();
        }
    }

    /// <summary>Checks, after the joins, that every item arrived exactly once.</summary>
    /// <exception cref="InvalidOperationException">The consumer's sum is wrong.</exception>
    public void Check()
    {
        var expected = _producers * ((long)_size * (_size + 1) / 2);
        if (_sum != expected)
        {
            throw new InvalidOperationException($"Consumer summed {_sum} from the queue, expected {expected}");
        }
    }
}
