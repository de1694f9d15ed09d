using System.Collections.Concurrent;

namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// An expensive report cached per key in a <see cref="ConcurrentDictionary{TKey, TValue}"/> and
/// requested by two threads at once. <c>GetOrAdd(key, factory)</c> may run the factory in both
/// threads (the report is built twice); caching a <see cref="Lazy{T}"/> per key builds it once,
/// even though the builder reaches scheduling points.
/// </summary>
public sealed class ReportCache
{
    private readonly ConcurrentDictionary<string, string> _plain = new();
    private readonly ConcurrentDictionary<string, Lazy<string>> _lazy = new();
    private int _builds;

    /// <summary>The bug: the factory of <c>GetOrAdd</c> builds the report (it may run twice).</summary>
    /// <exception cref="InvalidOperationException">The report was built twice (some schedules only).</exception>
    public static void GetOrAddFactory()
    {
        var cache = new ReportCache();
        cache.Race(() => cache._plain.GetOrAdd("q1", cache.Build));
    }

    /// <summary>The fix: <c>GetOrAdd</c> of a <see cref="Lazy{T}"/>, whose value is built once.</summary>
    public static void GetOrAddLazy()
    {
        var cache = new ReportCache();
        cache.Race(() => cache._lazy.GetOrAdd("q1", key => new Lazy<string>(() => cache.Build(key))).Value);
    }

    private string Build(string key)
    {
        Interlocked.Increment(ref _builds);
        Thread.Yield(); // the query runs
        return "report " + key;
    }

    private void Race(Func<string> get)
    {
        var seen = new string[2];
        WorkerThreads.JoinAll(WorkerThreads.Start("reader", [() => seen[0] = get(), () => seen[1] = get()]));
        if (_builds != 1 || seen[0] != seen[1])
        {
            throw new InvalidOperationException($"The report was built {_builds} times; once is enough.");
        }
    }
}
