namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Two flows consume async iterators (<c>IAsyncEnumerable</c>, <c>await foreach</c>) and add every
/// item to one total: <c>total += item</c> across the iterator's awaits loses updates;
/// <c>Interlocked.Add</c> does not.
/// </summary>
public sealed class AsyncStreams
{
    private int _total;

    /// <summary>The bug.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static Task SharedTotal() => new AsyncStreams().RunAsync(interlocked: false);

    /// <summary>Fixed with <c>Interlocked.Add</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static Task SharedTotalInterlocked() => new AsyncStreams().RunAsync(interlocked: true);

    private static async IAsyncEnumerable<int> NumbersAsync(int first)
    {
        for (int i = 0; i < 2; i++)
        {
            await Task.Yield();
            yield return first + i;
        }
    }

    private async Task RunAsync(bool interlocked)
    {
        await Task.WhenAll(ConsumeAsync(1, interlocked), ConsumeAsync(10, interlocked));
        if (_total != 1 + 2 + 10 + 11)
        {
            throw new InvalidOperationException($"The streams added up to {_total}, expected 24.");
        }
    }

    private async Task ConsumeAsync(int first, bool interlocked)
    {
        await foreach (int item in NumbersAsync(first))
        {
            if (interlocked)
            {
                Interlocked.Add(ref _total, item);
            }
            else
            {
                int seen = _total;
                await Task.Yield();
                _total = seen + item;
            }
        }
    }
}
