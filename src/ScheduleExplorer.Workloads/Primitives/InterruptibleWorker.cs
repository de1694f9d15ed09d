namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// A worker waits for jobs on a monitor and is shut down by its owner. Setting a "stop" flag
/// without waking the worker can leave it waiting forever (a lost wake-up); interrupting it ends
/// its wait with <see cref="ThreadInterruptedException"/>, which it treats as the shutdown signal.
/// </summary>
public sealed class InterruptibleWorker
{
    private readonly object _gate = new();
    private readonly Queue<int> _jobs = new();
    private bool _stop;
    private int _done;

    /// <summary>The bug: stop by flag only, no wake-up.</summary>
    /// <exception cref="InvalidOperationException">Never: the worker hangs instead (a deadlock under control, some schedules only).</exception>
    public static void StopFlagOnly() => new InterruptibleWorker().Run(interrupt: false);

    /// <summary>The fix: stop by <see cref="Thread.Interrupt"/>.</summary>
    public static void Interrupted() => new InterruptibleWorker().Run(interrupt: true);

    private void Run(bool interrupt)
    {
        var worker = new Thread(Work) { Name = "worker" };
        worker.Start();
        lock (_gate)
        {
            _jobs.Enqueue(1);
            Monitor.Pulse(_gate);
        }

        lock (_gate)
        {
            _stop = true;
        }

        if (interrupt)
        {
            worker.Interrupt();
        }

        worker.Join();
        if (_done > 1)
        {
            throw new InvalidOperationException($"{_done} jobs done, only one was queued.");
        }
    }

    private void Work()
    {
        try
        {
            lock (_gate)
            {
                while (true)
                {
                    while (_jobs.Count > 0)
                    {
                        _jobs.Dequeue();
                        _done++;
                    }

                    if (_stop)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }
            }
        }
        catch (ThreadInterruptedException)
        {
            // Shutdown requested.
        }
    }
}
