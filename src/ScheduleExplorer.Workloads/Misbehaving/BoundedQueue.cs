namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>A fixed-capacity FIFO guarded by one monitor, with <c>Monitor.Wait</c>/<c>PulseAll</c> for full and empty.</summary>
internal sealed class BoundedQueue
{
    private readonly object _gate = new();
    private readonly int[] _buffer;
    private int _head;
    private int _count;

    /// <summary>Creates an empty queue holding at most <paramref name="capacity"/> items.</summary>
    public BoundedQueue(int capacity)
    {
        _buffer = new int[capacity];
    }

    /// <summary>Appends an item, waiting while the queue is full.</summary>
    public void Put(int item)
    {
        lock (_gate)
        {
            // A loop, not an if: the condition must be re-checked after every wake-up.
            while (_count == _buffer.Length)
            {
                Monitor.Wait(_gate);
            }

            _buffer[(_head + _count) % _buffer.Length] = item;
            _count += 1;

            // PulseAll, not Pulse: producers and consumers wait on the same monitor, and a single Pulse
            // could wake another producer instead of the consumer, losing the wake-up (a deadlock).
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Removes the oldest item, waiting while the queue is empty.</summary>
    public int Take()
    {
        lock (_gate)
        {
            while (_count == 0)
            {
                Monitor.Wait(_gate);
            }

            var item = _buffer[_head];
            _head = (_head + 1) % _buffer.Length;
            _count -= 1;
            Monitor.PulseAll(_gate);
            return item;
        }
    }
}
