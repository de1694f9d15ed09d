namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Lost updates in the async loops over a range (<c>Parallel.ForAsync</c>) and over a stream
/// (<c>Parallel.ForEachAsync</c> over an <see cref="IAsyncEnumerable{T}"/>): a read and a write
/// split by an await, fixed with <c>Interlocked</c>. Each fixed twin runs every overload.
/// </summary>
public sealed class AsyncLoops
{
    private int _total;

    /// <summary>The bug: read, await, write in the body of <c>Parallel.ForAsync</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task ForAsyncAcrossAwait()
    {
        var loops = new AsyncLoops();
        await Parallel.ForAsync(1, 5, loops.AddAcrossAwaitAsync);
        loops.Check(10);
    }

    /// <summary>Fixed: the update is one <c>Interlocked.Add</c> after the await (the three overloads, one after the other).</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task ForAsyncInterlocked()
    {
        var loops = new AsyncLoops();
        await Parallel.ForAsync(1, 5, loops.AddInterlockedAsync);
        await Parallel.ForAsync(1L, 5L, CancellationToken.None, (i, cancellationToken) => loops.AddInterlockedAsync((int)i, cancellationToken));
        await Parallel.ForAsync(1, 5, new ParallelOptions { MaxDegreeOfParallelism = 2 }, loops.AddInterlockedAsync);
        loops.Check(30);
    }

    /// <summary>The bug: read, await, write in the body of <c>Parallel.ForEachAsync</c> over an async stream.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task ForEachAsyncOverStreamAcrossAwait()
    {
        var loops = new AsyncLoops();
        await Parallel.ForEachAsync(NumbersAsync(4), loops.AddAcrossAwaitAsync);
        loops.Check(10);
    }

    /// <summary>Fixed with <c>Interlocked.Add</c> (the three overloads, one after the other).</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task ForEachAsyncOverStreamInterlocked()
    {
        var loops = new AsyncLoops();
        await Parallel.ForEachAsync(NumbersAsync(4), loops.AddInterlockedAsync);
        await Parallel.ForEachAsync(NumbersAsync(4), CancellationToken.None, loops.AddInterlockedAsync);
        await Parallel.ForEachAsync(NumbersAsync(4), new ParallelOptions { MaxDegreeOfParallelism = 2 }, loops.AddInterlockedAsync);
        loops.Check(30);
    }

    /// <summary>1 to <paramref name="count"/>, each item after an await.</summary>
    private static async IAsyncEnumerable<int> NumbersAsync(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private async ValueTask AddAcrossAwaitAsync(int item, CancellationToken cancellationToken)
    {
        int seen = _total;
        await Task.Yield();
        _total = seen + item;
    }

    private async ValueTask AddInterlockedAsync(int item, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Interlocked.Add(ref _total, item);
    }

    private void Check(int expected)
    {
        if (_total != expected)
        {
            throw new InvalidOperationException($"Lost update in an async loop: expected {expected}, got {_total}.");
        }
    }
}
