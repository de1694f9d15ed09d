namespace ScheduleExplorer.Workloads.Memory;

/// <summary>
/// Two threads each make one read-modify-write of one shared location; afterwards the location must
/// hold 2. Unlocked, a preemption between the read and the write loses an update.
/// </summary>
internal static class AccessRace
{
    /// <summary>Runs <paramref name="increment"/> on two threads (under one lock when <paramref name="locked"/>), then checks <paramref name="total"/>.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost.</exception>
    public static void Run(Action increment, Func<int> total, bool locked)
    {
        var gate = new object();
        ThreadStart body = locked
            ? () =>
            {
                lock (gate)
                {
                    increment();
                }
            }
            : () => increment();
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [body, body]));
        int counted = total();
        if (counted != 2)
        {
            throw new InvalidOperationException($"Lost update: expected 2 increments, counted {counted}");
        }
    }
}
