namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A counter with an old Begin/End (APM) API, used through <c>TaskFactory.FromAsync</c>: two flows
/// that read the total through the API and write it back lose an update; adding inside the API
/// (one <c>Interlocked.Add</c>) does not. <see cref="EveryOverload"/> goes through each
/// <c>FromAsync</c> overload once.
/// </summary>
public sealed class ApmCounter
{
    private int _total;

    /// <summary>The bug: read through the API, then write the sum back.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task ReadThenWrite()
    {
        var counter = new ApmCounter();
        await Task.WhenAll(counter.AddByReadingAsync(1), counter.AddByReadingAsync(2));
        counter.Check(3);
    }

    /// <summary>Fixed: the API adds (one <c>Interlocked.Add</c>).</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task AddInside()
    {
        var counter = new ApmCounter();
        await Task.WhenAll(
            Task.Factory.FromAsync(counter.BeginAdd, counter.EndAdd, 1, null),
            Task<int>.Factory.FromAsync(counter.BeginAdd, counter.EndAdd, 2, null));
        counter.Check(3);
    }

    /// <summary>Each of the 33 <c>FromAsync</c> overloads adds 1, one after the other.</summary>
    /// <exception cref="InvalidOperationException">An overload did not add, or added twice.</exception>
    public static async Task EveryOverload()
    {
        var c = new ApmCounter();
        var none = TaskCreationOptions.None;
        var pool = TaskScheduler.Default;
        await NoResultOverloads(c, Task.Factory, none, pool);
        await ResultOverloads(c, Task.Factory, none, pool);
        var factory = Task<int>.Factory;
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAdd);
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAdd, none);
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAdd, none, pool);
        await factory.FromAsync((callback, state) => c.BeginAdd(1, callback, state), c.EndAdd, null);
        await factory.FromAsync((callback, state) => c.BeginAdd(1, callback, state), c.EndAdd, null, none);
        await factory.FromAsync(c.BeginAdd, c.EndAdd, 1, null);
        await factory.FromAsync(c.BeginAdd, c.EndAdd, 1, null, none);
        await factory.FromAsync(c.BeginAdd2, c.EndAdd, 1, 0, null);
        await factory.FromAsync(c.BeginAdd2, c.EndAdd, 1, 0, null, none);
        await factory.FromAsync(c.BeginAdd3, c.EndAdd, 1, 0, 0, null);
        await factory.FromAsync(c.BeginAdd3, c.EndAdd, 1, 0, 0, null, none);
        c.Check(33);
    }

    private static async Task NoResultOverloads(ApmCounter c, TaskFactory factory, TaskCreationOptions none, TaskScheduler pool)
    {
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAddIgnoringResult);
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAddIgnoringResult, none);
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAddIgnoringResult, none, pool);
        await factory.FromAsync((callback, state) => c.BeginAdd(1, callback, state), c.EndAddIgnoringResult, null);
        await factory.FromAsync((callback, state) => c.BeginAdd(1, callback, state), c.EndAddIgnoringResult, null, none);
        await factory.FromAsync(c.BeginAdd, c.EndAddIgnoringResult, 1, null);
        await factory.FromAsync(c.BeginAdd, c.EndAddIgnoringResult, 1, null, none);
        await factory.FromAsync(c.BeginAdd2, c.EndAddIgnoringResult, 1, 0, null);
        await factory.FromAsync(c.BeginAdd2, c.EndAddIgnoringResult, 1, 0, null, none);
        await factory.FromAsync(c.BeginAdd3, c.EndAddIgnoringResult, 1, 0, 0, null);
        await factory.FromAsync(c.BeginAdd3, c.EndAddIgnoringResult, 1, 0, 0, null, none);
    }

    private static async Task ResultOverloads(ApmCounter c, TaskFactory factory, TaskCreationOptions none, TaskScheduler pool)
    {
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAdd);
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAdd, none);
        await factory.FromAsync(c.BeginAdd(1, null, null), c.EndAdd, none, pool);
        await factory.FromAsync((callback, state) => c.BeginAdd(1, callback, state), c.EndAdd, null);
        await factory.FromAsync((callback, state) => c.BeginAdd(1, callback, state), c.EndAdd, null, none);
        await factory.FromAsync(c.BeginAdd, c.EndAdd, 1, null);
        await factory.FromAsync(c.BeginAdd, c.EndAdd, 1, null, none);
        await factory.FromAsync(c.BeginAdd2, c.EndAdd, 1, 0, null);
        await factory.FromAsync(c.BeginAdd2, c.EndAdd, 1, 0, null, none);
        await factory.FromAsync(c.BeginAdd3, c.EndAdd, 1, 0, 0, null);
        await factory.FromAsync(c.BeginAdd3, c.EndAdd, 1, 0, 0, null, none);
    }

    private async Task AddByReadingAsync(int amount)
    {
        int seen = await Task.Factory.FromAsync((callback, state) => BeginAdd(0, callback, state), EndAdd, null);
        _total = seen + amount;
    }

    /// <summary>The API: adds <paramref name="amount"/> on the thread pool, then calls back.</summary>
    private IAsyncResult BeginAdd(int amount, AsyncCallback? callback, object? state)
    {
        var completion = new TaskCompletionSource<int>(state);
        Task.Run(() =>
        {
            completion.SetResult(Interlocked.Add(ref _total, amount));
            callback?.Invoke(completion.Task);
        });
        return completion.Task;
    }

    private IAsyncResult BeginAdd2(int amount, int more, AsyncCallback? callback, object? state) => BeginAdd(amount + more, callback, state);

    private IAsyncResult BeginAdd3(int amount, int more, int evenMore, AsyncCallback? callback, object? state) => BeginAdd(amount + more + evenMore, callback, state);

    /// <summary>The total after the add.</summary>
    private int EndAdd(IAsyncResult result) => ((Task<int>)result).GetAwaiter().GetResult();

    private void EndAddIgnoringResult(IAsyncResult result) => EndAdd(result);

    private void Check(int expected)
    {
        if (_total != expected)
        {
            throw new InvalidOperationException($"Lost update through the APM API: expected {expected}, got {_total}.");
        }
    }
}
