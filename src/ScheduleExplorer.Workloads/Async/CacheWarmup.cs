namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A cache warmed by two loads, served from a <c>TaskFactory.ContinueWhenAll</c> or
/// <c>ContinueWhenAny</c> continuation. <see cref="ServesWhenAnyLoaded"/> waits for any load but
/// assumes both finished; <see cref="ServesWhenAllLoaded"/> waits for all. <see cref="ServesTheFirstLoad"/>
/// uses "any" as meant (only the first load). <see cref="CountsUnsynchronized"/> counts from two
/// continuations with a read-then-write, so one count can be lost; <see cref="CountsInterlocked"/>
/// counts atomically.
/// </summary>
public sealed class CacheWarmup
{
    private int _loaded;
    private int _served;

    /// <summary>The bug: a continuation of any load reads state only all loads produce.</summary>
    /// <exception cref="InvalidOperationException">The cache was served half warm.</exception>
    public static Task ServesWhenAnyLoaded() => new CacheWarmup().ServeAsync(waitForAll: false);

    /// <summary>Fixed: the continuation runs when all loads completed.</summary>
    /// <exception cref="InvalidOperationException">The cache was served half warm.</exception>
    public static Task ServesWhenAllLoaded() => new CacheWarmup().ServeAsync(waitForAll: true);

    /// <summary>"Any" as meant: the continuation serves the first load, whichever it is.</summary>
    /// <exception cref="InvalidOperationException">The continuation saw no completed load.</exception>
    public static async Task ServesTheFirstLoad()
    {
        var warmup = new CacheWarmup();
        Task[] loads = [Task.Run(() => warmup.Load(1)), Task.Run(() => warmup.Load(2))];
        Task? winner = null;
        int loadedThen = 0;
        await Task.Factory.ContinueWhenAny(loads, first =>
        {
            winner = first;
            loadedThen = Volatile.Read(ref warmup._loaded);
        });
        if (winner is null || !winner.IsCompleted || Array.IndexOf(loads, winner) < 0 || loadedThen < 1)
        {
            throw new InvalidOperationException($"The first load was not complete when served ({loadedThen} loaded).");
        }
    }

    /// <summary>The bug: two continuations of all loads count with a read-then-write.</summary>
    /// <exception cref="InvalidOperationException">A count was lost.</exception>
    public static Task CountsUnsynchronized() => new CacheWarmup().CountAsync(atomic: false);

    /// <summary>Fixed: <c>Interlocked.Increment</c>.</summary>
    /// <exception cref="InvalidOperationException">A count was lost.</exception>
    public static Task CountsInterlocked() => new CacheWarmup().CountAsync(atomic: true);

    private async Task ServeAsync(bool waitForAll)
    {
        Task<int>[] loads = [Task.Run(() => Load(1)), Task.Run(() => Load(2))];
        var factory = new TaskFactory<int>();
        var served = waitForAll
            ? factory.ContinueWhenAll(loads, all => Serve(all.Sum(t => t.Result)))
            : factory.ContinueWhenAny(loads, first => Serve(3));
        if (await served != 3)
        {
            throw new InvalidOperationException("The cache served a wrong total.");
        }
    }

    private async Task CountAsync(bool atomic)
    {
        Task[] loads = [Task.Run(() => Load(1)), Task.Run(() => Load(2))];
        var first = Task.Factory.ContinueWhenAll(loads, _ => Count(atomic));
        var second = Task.Factory.ContinueWhenAll(loads, _ => Count(atomic), CancellationToken.None);
        await Task.WhenAll(first, second);
        if (_served != 2)
        {
            throw new InvalidOperationException($"Lost update in continuations of all loads: counted {_served}, expected 2.");
        }
    }

    private int Load(int value)
    {
        Interlocked.Increment(ref _loaded);
        return value;
    }

    private int Serve(int total)
    {
        int loaded = Volatile.Read(ref _loaded);
        if (loaded != 2)
        {
            throw new InvalidOperationException($"The cache was served with {loaded} of 2 loads done.");
        }

        return total;
    }

    private void Count(bool atomic)
    {
        if (atomic)
        {
            Interlocked.Increment(ref _served);
        }
        else
        {
            int seen = _served;
            _served = seen + 1;
        }
    }
}
