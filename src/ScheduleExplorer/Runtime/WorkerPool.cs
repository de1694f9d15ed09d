namespace ScheduleExplorer.Runtime;

/// <summary>
/// Reusable workers. Only the running operation or, between iterations, the engine thread touches
/// the pool, so it needs no lock: exactly one flow runs at a time.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Stack<Worker> _idle = new();
    private readonly List<Worker> _all = [];
    private readonly int _pinCpu;

    public WorkerPool(int pinCpu) => _pinCpu = pinCpu;

    /// <summary>Number of OS threads created so far.</summary>
    public int Created => _all.Count;

    public Worker Rent()
    {
        if (_idle.TryPop(out var worker))
        {
            return worker;
        }

        worker = new Worker(_all.Count, _pinCpu);
        _all.Add(worker);
        return worker;
    }

    public void Return(Worker worker)
    {
        if (!worker.IsPoisoned)
        {
            _idle.Push(worker);
        }
    }

    public void Dispose()
    {
        foreach (var worker in _all)
        {
            if (!worker.IsPoisoned)
            {
                worker.Stop();
            }
        }

        _all.Clear();
        _idle.Clear();
    }
}
