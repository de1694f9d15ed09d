namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Sync-over-async on a single-threaded context: the context's thread blocks on <c>.Result</c> of
/// a task whose continuation was posted to that same context, so it never runs — a deadlock.
/// <see cref="ConfigureAwaitFalse"/> lets the continuation run anywhere.
/// </summary>
public static class SyncOverAsync
{
    /// <summary>The bug: <c>FetchAsync().Result</c> on the context's thread, with a plain await inside.</summary>
    /// <exception cref="InvalidOperationException">The value is wrong (cannot happen: it deadlocks first).</exception>
    public static void Blocking() => new SingleThreadContext().Run(() => Check(FetchAsync(continueOnContext: true).Result));

    /// <summary>Fixed: the library awaits with <c>ConfigureAwait(false)</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is wrong.</exception>
    public static void ConfigureAwaitFalse() => new SingleThreadContext().Run(() => Check(FetchAsync(continueOnContext: false).Result));

    /// <summary>Fixed the same way with <c>ConfigureAwait(ConfigureAwaitOptions.None)</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is wrong.</exception>
    public static void ConfigureAwaitOptionsNone() => new SingleThreadContext().Run(() => Check(FetchWithOptionsAsync().Result));

    private static async Task<int> FetchWithOptionsAsync()
    {
        await Task.Delay(10).ConfigureAwait(ConfigureAwaitOptions.None);
        return 42;
    }

    private static async Task<int> FetchAsync(bool continueOnContext)
    {
        await Task.Delay(10).ConfigureAwait(continueOnContext);
        return 42;
    }

    private static void Check(int value)
    {
        if (value != 42)
        {
            throw new InvalidOperationException($"Fetched {value}, expected 42.");
        }
    }
}
