namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// <c>ContinueWith</c> with a state argument: two continuations of one task each add their state
/// to a shared total. In <see cref="Unsynchronized"/> each reads the total and writes it back, so
/// one addition can be lost; <see cref="Interlocked"/> adds atomically.
/// </summary>
public static class StatefulContinuations
{
    private static int s_total;

    /// <summary>The bug: read-then-write of the total from two continuations.</summary>
    /// <exception cref="InvalidOperationException">An addition was lost.</exception>
    public static Task Unsynchronized() => RunAsync(atomic: false);

    /// <summary>Fixed: <c>Interlocked.Add</c>.</summary>
    /// <exception cref="InvalidOperationException">An addition was lost.</exception>
    public static Task Interlocked() => RunAsync(atomic: true);

    private static async Task RunAsync(bool atomic)
    {
        s_total = 0;
        var start = Task.Run(() => 10);
        var first = start.ContinueWith((t, state) => Add(t.Result + (int)state!, atomic), 1);
        var second = start.ContinueWith(
            (t, state) =>
            {
                Add((int)state!, atomic);
                return state;
            },
            2,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        await Task.WhenAll(first, second);
        if (!Equals(second.AsyncState, 2) || !Equals(second.Result, 2))
        {
            throw new InvalidOperationException("The continuation did not receive its state.");
        }

        if (s_total != 13)
        {
            throw new InvalidOperationException($"Lost update across continuations: total {s_total}, expected 13.");
        }
    }

    private static void Add(int amount, bool atomic)
    {
        if (atomic)
        {
            System.Threading.Interlocked.Add(ref s_total, amount);
        }
        else
        {
            int seen = s_total;
            s_total = seen + amount;
        }
    }
}
