namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Fan-out/fan-in with a <see cref="CountdownEvent"/>: three workers each compute a part, the
/// coordinator waits for the count to reach zero and sums. Signalling before storing the part lets
/// the coordinator sum too early.
/// </summary>
public sealed class FanIn
{
    private const int Workers = 3;
    private readonly int[] _parts = new int[Workers];
    private readonly CountdownEvent _pending = new(Workers);

    /// <summary>The bug: each worker signals, then stores its part.</summary>
    /// <exception cref="InvalidOperationException">The sum missed a part (some schedules only).</exception>
    public static void SignalBeforeStore() => new FanIn().Run(signalFirst: true);

    /// <summary>The fix: store, then signal.</summary>
    public static void StoreThenSignal() => new FanIn().Run(signalFirst: false);

    private void Run(bool signalFirst)
    {
        var bodies = new ThreadStart[Workers];
        for (int i = 0; i < Workers; i++)
        {
            int me = i;
            bodies[i] = () =>
            {
                if (signalFirst)
                {
                    _pending.Signal();
                    _parts[me] = me + 1;
                }
                else
                {
                    _parts[me] = me + 1;
                    _pending.Signal();
                }
            };
        }

        var threads = WorkerThreads.Start("worker", bodies);
        _pending.Wait();
        int sum = _parts.Sum();
        WorkerThreads.JoinAll(threads);
        if (sum != 6)
        {
            throw new InvalidOperationException($"The coordinator summed {sum}, expected 6: it read before every part was stored.");
        }
    }
}
