namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Work started with <c>Task.Factory.StartNew</c> and finished in <c>ContinueWith</c>
/// continuations that add to one total: a plain <c>+=</c> loses updates; <c>Interlocked.Add</c> does not.
/// </summary>
public sealed class ContinuationChain
{
    private int _total;

    /// <summary>The bug.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static Task Unsynchronized() => new ContinuationChain().RunAsync(interlocked: false);

    /// <summary>Fixed with <c>Interlocked.Add</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static Task Interlocked() => new ContinuationChain().RunAsync(interlocked: true);

    private async Task RunAsync(bool interlocked)
    {
        var first = Task.Factory.StartNew(() => 20).ContinueWith(t => Add(t.Result, interlocked), TaskContinuationOptions.OnlyOnRanToCompletion);
        var second = Task.Factory.StartNew(() => 22).ContinueWith(t => Add(t.Result, interlocked), TaskContinuationOptions.OnlyOnRanToCompletion);
        await Task.WhenAll(first, second);
        if (_total != 42)
        {
            throw new InvalidOperationException($"Continuations added up to {_total}, expected 42.");
        }
    }

    private void Add(int value, bool interlocked)
    {
        if (interlocked)
        {
            System.Threading.Interlocked.Add(ref _total, value);
        }
        else
        {
            _total += value;
        }
    }
}
