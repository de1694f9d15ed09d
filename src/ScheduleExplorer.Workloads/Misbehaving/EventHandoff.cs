namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// One producer fills a plain array, then sets a <see cref="ManualResetEventSlim"/>; every consumer waits on
/// it and sums the array. Set/Wait orders the plain writes before the reads, so there is no race.
/// </summary>
internal sealed class EventHandoff : IDisposable
{
    private readonly ManualResetEventSlim _published = new();
    private readonly int[] _items;
    private readonly long[] _sums;

    /// <summary>Creates the hand-off for <paramref name="consumers"/> consumers and <paramref name="size"/> items.</summary>
    public EventHandoff(int consumers, int size)
    {
        _items = new int[size];
        _sums = new long[consumers];
    }

    /// <summary>Producer thread body: writes items 1..size, then publishes them.</summary>
    public void Produce()
    {
        for (var i = 0; i < _items.Length; i++)
        {
            _items[i] = i + 1;
        }

        _published.Set();
    }

    /// <summary>Consumer thread body: waits for the publication and sums what it sees.</summary>
    public void Consume(int consumer)
    {
        _published.Wait();
        long sum = 0;
        for (var i = 0; i < _items.Length; i++)
        {
            sum += _items[i];
        }

        // Each consumer writes only its own slot.
        _sums[consumer] = sum;
    }

    /// <summary>Checks, after the joins, that every consumer saw all items.</summary>
    /// <exception cref="InvalidOperationException">A consumer's sum is wrong.</exception>
    public void Check()
    {
        var expected = (long)_items.Length * (_items.Length + 1) / 2;
        for (var consumer = 0; consumer < _sums.Length; consumer++)
        {
            if (_sums[consumer] != expected)
            {
                throw new InvalidOperationException(
                    $"Consumer {consumer} summed {_sums[consumer]} after the hand-off, expected {expected}");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _published.Dispose();
}
