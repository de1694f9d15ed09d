namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// A configuration loaded on first use by two request threads through <see cref="Lazy{T}"/>; the
/// loader does real work (a counter, a lock, a yield) before it returns. With
/// <see cref="LazyThreadSafetyMode.None"/> two first uses at once break the <see cref="Lazy{T}"/>
/// itself (the BCL throws); the thread-safe modes load once (or publish one value).
/// </summary>
public sealed class LazyCache
{
    private readonly object _statsGate = new();
    private readonly Lazy<Settings> _settings;
    private int _loads;

    private LazyCache(LazyThreadSafetyMode mode) => _settings = new Lazy<Settings>(Load, mode);

    /// <summary>The bug: a non-thread-safe <see cref="Lazy{T}"/> shared by two threads.</summary>
    /// <exception cref="InvalidOperationException">Both threads reached the factory (some schedules only).</exception>
    public static void NotThreadSafe() => new LazyCache(LazyThreadSafetyMode.None).Serve(expectedLoads: 1);

    /// <summary>The fix: <see cref="LazyThreadSafetyMode.ExecutionAndPublication"/>, the loader runs exactly once.</summary>
    public static void ThreadSafe() => new LazyCache(LazyThreadSafetyMode.ExecutionAndPublication).Serve(expectedLoads: 1);

    /// <summary>Also correct: <see cref="LazyThreadSafetyMode.PublicationOnly"/>, the loader may run twice but one value wins.</summary>
    public static void PublicationOnly() => new LazyCache(LazyThreadSafetyMode.PublicationOnly).Serve(expectedLoads: 2);

    private Settings Load()
    {
        int generation;
        lock (_statsGate)
        {
            generation = ++_loads;
        }

        Thread.Yield(); // reading the file
        return new Settings(generation);
    }

    private void Serve(int expectedLoads)
    {
        var seen = new Settings[2];
        var threads = WorkerThreads.Start("request", [() => seen[0] = _settings.Value, () => seen[1] = _settings.Value]);
        WorkerThreads.JoinAll(threads);
        if (!ReferenceEquals(seen[0], seen[1]) || _loads > expectedLoads || !_settings.IsValueCreated)
        {
            throw new InvalidOperationException($"Two different settings objects were served ({_loads} loads).");
        }
    }

    /// <summary>The loaded configuration.</summary>
    /// <param name="Generation">Which load made it.</param>
    private sealed record Settings(int Generation);
}
