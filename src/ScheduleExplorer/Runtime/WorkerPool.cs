namespace ScheduleExplorer.Runtime;

/// <summary>
/// Reusable workers. Only the running operation or, between iterations, the engine thread touches
/// the pool, so it needs no lock: exactly one flow runs at a time. When the pool is disposed its
/// idle workers are kept for the next pool of the process (each exploration has a scheduler of its
/// own), so a new exploration starts on parked threads instead of creating them.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    // Idle workers of disposed pools, by the CPU they are pinned to (-1 for none); shared by every
    // scheduler of the process, so taken under a lock (once per worker a pool uses, not per switch).
    private const int MaxSpare = 16;
    private static readonly Dictionary<int, Stack<Worker>> s_spare = [];
    private static int s_threads;

    private readonly Stack<Worker> _idle = new();
    private readonly List<Worker> _all = [];
    private readonly int _pinCpu;

    public WorkerPool(int pinCpu) => _pinCpu = pinCpu;

    /// <summary>Number of OS threads this pool has used so far.</summary>
    public int Created => _all.Count;

    public Worker Rent()
    {
        if (_idle.TryPop(out var worker))
        {
            return worker;
        }

        worker = TakeSpare(_pinCpu) ?? new Worker(Interlocked.Increment(ref s_threads) - 1, _pinCpu);
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

    /// <summary>Stops the workers; those idle are kept for the next pool unless <paramref name="keepIdle"/> is false (after a hang).</summary>
    public void Dispose(bool keepIdle)
    {
        var idle = new HashSet<Worker>(_idle);
        foreach (var worker in _all)
        {
            if (worker.IsPoisoned)
            {
                continue;
            }

            if (!keepIdle || !idle.Contains(worker) || !GiveSpare(_pinCpu, worker))
            {
                worker.Stop();
            }
        }

        _all.Clear();
        _idle.Clear();
    }

    public void Dispose() => Dispose(keepIdle: false);

    private static Worker? TakeSpare(int pinCpu)
    {
        lock (s_spare)
        {
            return s_spare.TryGetValue(pinCpu, out var spare) && spare.TryPop(out var worker) ? worker : null;
        }
    }

    private static bool GiveSpare(int pinCpu, Worker worker)
    {
        lock (s_spare)
        {
            if (!s_spare.TryGetValue(pinCpu, out var spare))
            {
                spare = new Stack<Worker>();
                s_spare[pinCpu] = spare;
            }

            if (spare.Count >= MaxSpare)
            {
                return false;
            }

            spare.Push(worker);
            return true;
        }
    }
}
