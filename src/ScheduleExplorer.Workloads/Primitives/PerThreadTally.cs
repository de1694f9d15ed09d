namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Each worker counts the items it handled and reports its count together with its managed thread
/// id. A shared counter mixes the workers' counts up; a <see cref="ThreadLocal{T}"/> keeps one per
/// thread. The fix also checks that each live thread has its own id and that
/// <see cref="Thread.ManagedThreadId"/>, <see cref="Environment.CurrentManagedThreadId"/> and
/// <see cref="Thread.ThreadState"/> agree with what the workers saw.
/// </summary>
public sealed class PerThreadTally
{
    private const int Items = 2;
    private readonly ThreadLocal<int> _handled = new(() => 0);
    private int _sharedHandled;

    /// <summary>The bug: one counter shared by both workers, reset at the start of each.</summary>
    /// <exception cref="InvalidOperationException">A worker reported the other's items (some schedules only).</exception>
    public static void SharedCounter() => new PerThreadTally().Run(threadLocal: false);

    /// <summary>The fix: a <see cref="ThreadLocal{T}"/> counter.</summary>
    public static void ThreadLocalCounter() => new PerThreadTally().Run(threadLocal: true);

    private void Run(bool threadLocal)
    {
        var reports = new (int Id, int Count)[2];
        var threads = WorkerThreads.Start("worker", [() => reports[0] = Work(threadLocal), () => reports[1] = Work(threadLocal)]);
        WorkerThreads.JoinAll(threads);
        for (int i = 0; i < 2; i++)
        {
            if (reports[i].Count != Items)
            {
                throw new InvalidOperationException($"Worker {i} reported {reports[i].Count} items, it handled {Items}.");
            }

            if (reports[i].Id != threads[i].ManagedThreadId || threads[i].ThreadState != ThreadState.Stopped)
            {
                throw new InvalidOperationException($"Worker {i} saw id {reports[i].Id}, its Thread says {threads[i].ManagedThreadId} ({threads[i].ThreadState}).");
            }
        }

        if (reports[0].Id == reports[1].Id || reports[0].Id == Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException($"Two live threads share the id {reports[0].Id}.");
        }

        _handled.Dispose();
    }

    private (int Id, int Count) Work(bool threadLocal)
    {
        int id = Environment.CurrentManagedThreadId;
        if (Thread.CurrentThread.ManagedThreadId != id)
        {
            throw new InvalidOperationException("Thread.CurrentThread.ManagedThreadId and Environment.CurrentManagedThreadId differ.");
        }

        if (!threadLocal)
        {
            _sharedHandled = 0;
        }

        for (int i = 0; i < Items; i++)
        {
            if (threadLocal)
            {
                _handled.Value++;
            }
            else
            {
                _sharedHandled++;
            }
        }

        return (id, threadLocal ? _handled.Value : _sharedHandled);
    }
}
