namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Lost updates in <c>Parallel.For</c> and <c>Parallel.ForEachAsync</c> bodies (a plain <c>+=</c>,
/// and a read and write split by an await), fixed with <c>Interlocked</c>.
/// </summary>
public sealed class ParallelCounter
{
    private int _total;

    /// <summary>The bug: <c>total += i</c> in <c>Parallel.For</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static void ForUnsynchronized()
    {
        var counter = new ParallelCounter();
        Parallel.For(0, 4, i => counter._total += i + 1);
        counter.Check(10);
    }

    /// <summary>Fixed with <c>Interlocked.Add</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static void ForInterlocked()
    {
        var counter = new ParallelCounter();
        Parallel.For(0, 4, i => Interlocked.Add(ref counter._total, i + 1));
        counter.Check(10);
    }

    /// <summary>The bug: read, await, write in <c>Parallel.ForEachAsync</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task ForEachAsyncAcrossAwait()
    {
        var counter = new ParallelCounter();
        await Parallel.ForEachAsync(new[] { 1, 2, 3, 4 }, async (item, _) =>
        {
            int seen = counter._total;
            await Task.Yield();
            counter._total = seen + item;
        });
        counter.Check(10);
    }

    /// <summary>Fixed: the update is one <c>Interlocked.Add</c> after the await.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task ForEachAsyncInterlocked()
    {
        var counter = new ParallelCounter();
        await Parallel.ForEachAsync(new[] { 1, 2, 3, 4 }, async (item, _) =>
        {
            await Task.Yield();
            Interlocked.Add(ref counter._total, item);
        });
        counter.Check(10);
    }

    private void Check(int expected)
    {
        if (_total != expected)
        {
            throw new InvalidOperationException($"Lost update in a parallel loop: expected {expected}, got {_total}.");
        }
    }
}
