namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// A connection opened on first use through <see cref="LazyInitializer"/> by two threads; opening
/// twice leaks a connection. The compare-exchange overload may run the factory twice (the loser's
/// connection is dropped unclosed); the overload with a lock runs it once.
/// </summary>
public sealed class ConnectionInit
{
    private Connection? _connection;
    private bool _initialized;
    private object? _initLock;
    private int _opened;

    /// <summary>The bug: <c>EnsureInitialized(ref target, factory)</c> may open two connections.</summary>
    /// <exception cref="InvalidOperationException">A connection was opened twice (some schedules only).</exception>
    public static void CompareExchange()
    {
        var init = new ConnectionInit();
        init.Race(() => LazyInitializer.EnsureInitialized(ref init._connection, init.Open));
    }

    /// <summary>The fix: the overload with a lock opens exactly one connection.</summary>
    public static void Locked()
    {
        var init = new ConnectionInit();
        init.Race(() => LazyInitializer.EnsureInitialized(ref init._connection, ref init._initialized, ref init._initLock, init.Open)!);
    }

    private Connection Open()
    {
        Interlocked.Increment(ref _opened);
        return new Connection();
    }

    private void Race(Func<Connection> get)
    {
        var seen = new Connection[2];
        WorkerThreads.JoinAll(WorkerThreads.Start("client", [() => seen[0] = get(), () => seen[1] = get()]));
        if (_opened != 1 || !ReferenceEquals(seen[0], seen[1]))
        {
            throw new InvalidOperationException($"Opened {_opened} connections; exactly one may be.");
        }
    }

    private sealed class Connection;
}
