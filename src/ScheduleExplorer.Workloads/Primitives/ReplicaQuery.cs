namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Two replicas answer a query, each setting its own <see cref="ManualResetEvent"/> when its answer
/// is stored. The report needs both answers: waiting with <see cref="WaitHandle.WaitAny(WaitHandle[])"/>
/// reads the slower one too early; <see cref="WaitHandle.WaitAll(WaitHandle[])"/> waits for both.
/// </summary>
public sealed class ReplicaQuery
{
    private readonly int[] _answers = new int[2];
    private readonly ManualResetEvent[] _done = [new(false), new(false)];

    /// <summary>The bug: <c>WaitAny</c> where both answers are needed.</summary>
    /// <exception cref="InvalidOperationException">An answer was missing (some schedules only).</exception>
    public static void WaitAny() => new ReplicaQuery().Run(all: false);

    /// <summary>The fix: <c>WaitAll</c>.</summary>
    public static void WaitAll() => new ReplicaQuery().Run(all: true);

    private void Run(bool all)
    {
        var threads = WorkerThreads.Start("replica", [() => Answer(0), () => Answer(1)]);
        if (all)
        {
            WaitHandle.WaitAll(_done);
        }
        else
        {
            WaitHandle.WaitAny(_done);
        }

        int total = _answers[0] + _answers[1];
        WorkerThreads.JoinAll(threads);
        foreach (var done in _done)
        {
            done.Dispose();
        }

        if (total != 30)
        {
            throw new InvalidOperationException($"The report summed {total}, expected 30: an answer was not in yet.");
        }
    }

    private void Answer(int replica)
    {
        _answers[replica] = (replica + 1) * 10;
        _done[replica].Set();
    }
}
