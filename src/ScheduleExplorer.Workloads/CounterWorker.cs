namespace ScheduleExplorer.Workloads;

/// <summary>The body of one counting thread: increments the shared counter a fixed number of times.</summary>
internal sealed class CounterWorker
{
    private readonly ICounter _counter;
    private readonly int _index;
    private readonly int _increments;

    /// <summary>Creates the body for worker <paramref name="index"/>.</summary>
    public CounterWorker(ICounter counter, int index, int increments)
    {
        _counter = counter;
        _index = index;
        _increments = increments;
    }

    /// <summary>Thread entry point (an instance method, so no cached static delegate is involved).</summary>
    public void Run()
    {
        for (var i = 0; i < _increments; i++)
        {
            _counter.Increment(_index);
        }
    }
}
