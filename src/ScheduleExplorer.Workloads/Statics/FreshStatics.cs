namespace ScheduleExplorer.Workloads.Statics;

/// <summary>
/// Workloads whose behaviour depends on static state starting fresh, as in a new process: a static
/// id counter that must start at 0, and a static lazily-built cache that is built once. Run twice in
/// one process they would see the statics the first run left behind; each entry therefore only holds
/// (or fails) for the right reason when its statics are fresh.
/// </summary>
public static class FreshStatics
{
    private static int s_nextId;
    private static Dictionary<int, string>? s_cache;
    private static int s_builds;
    private static readonly object s_gate = new();

    /// <summary>Correct: two threads take ids with <c>Interlocked.Increment</c>; a fresh counter hands out exactly 1 and 2.</summary>
    /// <exception cref="InvalidOperationException">The ids were not 1 and 2 (only if the counter did not start at 0).</exception>
    public static void Ids()
    {
        int first = 0;
        int second = 0;
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [() => first = Interlocked.Increment(ref s_nextId), () => second = Interlocked.Increment(ref s_nextId)]));
        if (Math.Min(first, second) != 1 || Math.Max(first, second) != 2)
        {
            throw new InvalidOperationException($"Ids {first} and {second}, expected 1 and 2");
        }
    }

    /// <summary>
    /// The bug: a check-then-act lazy initialization of a static cache; both threads may see it
    /// missing and build it twice. Only a fresh (null) cache can race: once built, it stays.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cache was built twice (some schedules only).</exception>
    public static void LazyCache() => LazyCache(locked: false);

    /// <summary>The fix: the same lazy initialization under a lock; the cache is built exactly once.</summary>
    /// <exception cref="InvalidOperationException">The cache was not built exactly once (only with stale statics).</exception>
    public static void LazyCacheLocked() => LazyCache(locked: true);

    private static void LazyCache(bool locked)
    {
        ThreadStart lookup = () =>
        {
            if (locked)
            {
                lock (s_gate)
                {
                    Cache();
                }
            }
            else
            {
                Cache();
            }

            // Some unrelated shared work after (locked, so it is no race itself), so a depth-first search meets the race only late.
            for (int i = 0; i < 2; i++)
            {
                lock (s_gate)
                {
                    s_nextId++;
                    s_nextId--;
                }
            }
        };
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [lookup, lookup]));
        if (s_builds != 1)
        {
            throw new InvalidOperationException($"The cache was built {s_builds} times");
        }
    }

    private static Dictionary<int, string> Cache()
    {
        if (s_cache is null)
        {
            s_builds++;
            s_cache = new Dictionary<int, string> { [0] = "zero" };
        }

        return s_cache;
    }
}
