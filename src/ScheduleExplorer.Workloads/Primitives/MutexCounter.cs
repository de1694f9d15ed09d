namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// A counter guarded by an unnamed <see cref="Mutex"/>, two threads × two increments. Releasing the
/// mutex between the read and the write loses updates; writing before the release does not.
/// </summary>
public sealed class MutexCounter
{
    private const int Increments = 2;
    private readonly Mutex _mutex = new();
    private int _count;

    /// <summary>The bug: the write happens after <c>ReleaseMutex</c>.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void ReleasesTooEarly() => new MutexCounter().Run(early: true);

    /// <summary>The fix: read and write inside the mutex.</summary>
    public static void Guarded() => new MutexCounter().Run(early: false);

    private void Run(bool early)
    {
        WorkerThreads.JoinAll(WorkerThreads.Start("incrementer", [() => Increment(early), () => Increment(early)]));
        _mutex.Dispose();
        if (_count != 2 * Increments)
        {
            throw new InvalidOperationException($"Lost update under a Mutex: {_count} of {2 * Increments}.");
        }
    }

    private void Increment(bool early)
    {
        for (int i = 0; i < Increments; i++)
        {
            _mutex.WaitOne();
            int seen = _count;
            if (early)
            {
                _mutex.ReleaseMutex();
                _count = seen + 1;
            }
            else
            {
                _count = seen + 1;
                _mutex.ReleaseMutex();
            }
        }
    }
}
