namespace ScheduleExplorer.Workloads.Memory;

/// <summary>
/// Dekker's entry protocol: each thread raises its own flag, then enters only if the other's is
/// down. Under sequential consistency at most one enters. But a store may wait in the processor's
/// store buffer while the thread's next load of the <em>other</em> flag goes ahead (x64 does this,
/// <c>volatile</c> or not: a volatile write is a release, not a full fence), so both can read the
/// other flag down and both enter. Only a full fence between the store and the load
/// (<see cref="Thread.MemoryBarrier"/>, any <see cref="Interlocked"/> operation, a lock) forbids it.
/// </summary>
public static class Dekker
{
    /// <summary>The bug under store buffering: <c>volatile</c> flags (clean under sequential consistency).</summary>
    /// <exception cref="InvalidOperationException">Both threads entered.</exception>
    public static void VolatileFlags()
    {
        var flags = new VolatileFlagPair();
        Run(
            () =>
            {
                flags.First = true;
                return !flags.Second;
            },
            () =>
            {
                flags.Second = true;
                return !flags.First;
            });
    }

    /// <summary>The bug with plain flags (also a data race).</summary>
    /// <exception cref="InvalidOperationException">Both threads entered.</exception>
    public static void PlainFlags()
    {
        var flags = new PlainFlagPair();
        Run(
            () =>
            {
                flags.First = true;
                return !flags.Second;
            },
            () =>
            {
                flags.Second = true;
                return !flags.First;
            });
    }

    /// <summary>The bug on <c>static volatile</c> flags.</summary>
    /// <exception cref="InvalidOperationException">Both threads entered.</exception>
    public static void StaticFlags()
    {
        StaticFlagPair.First = false;
        StaticFlagPair.Second = false;
        Run(
            () =>
            {
                StaticFlagPair.First = true;
                return !StaticFlagPair.Second;
            },
            () =>
            {
                StaticFlagPair.Second = true;
                return !StaticFlagPair.First;
            });
    }

    /// <summary>The bug with <see cref="Volatile.Write(ref bool, bool)"/> and <see cref="Volatile.Read(ref readonly bool)"/> calls: a release store and an acquire load, not a fence.</summary>
    /// <exception cref="InvalidOperationException">Both threads entered.</exception>
    public static void VolatileCalls()
    {
        var flags = new PlainFlagPair();
        Run(
            () =>
            {
                Volatile.Write(ref flags.First, true);
                return !Volatile.Read(ref flags.Second);
            },
            () =>
            {
                Volatile.Write(ref flags.Second, true);
                return !Volatile.Read(ref flags.First);
            });
    }

    /// <summary>The fix of <see cref="VolatileCalls"/>: <see cref="Interlocked.MemoryBarrier"/> between the calls.</summary>
    /// <exception cref="InvalidOperationException">Never.</exception>
    public static void VolatileCallsFenced()
    {
        var flags = new PlainFlagPair();
        Run(
            () =>
            {
                Volatile.Write(ref flags.First, true);
                Interlocked.MemoryBarrier();
                return !Volatile.Read(ref flags.Second);
            },
            () =>
            {
                Volatile.Write(ref flags.Second, true);
                Interlocked.MemoryBarrier();
                return !Volatile.Read(ref flags.First);
            });
    }

    /// <summary>The fix: <see cref="Thread.MemoryBarrier"/> between each thread's store and load.</summary>
    /// <exception cref="InvalidOperationException">Never.</exception>
    public static void MemoryBarrier()
    {
        var flags = new VolatileFlagPair();
        Run(
            () =>
            {
                flags.First = true;
                Thread.MemoryBarrier();
                return !flags.Second;
            },
            () =>
            {
                flags.Second = true;
                Thread.MemoryBarrier();
                return !flags.First;
            });
    }

    /// <summary>The fix: each flag raised with <see cref="Interlocked.Exchange(ref int, int)"/>, a full fence.</summary>
    /// <exception cref="InvalidOperationException">Never.</exception>
    public static void InterlockedExchange()
    {
        var flags = new IntFlagPair();
        Run(
            () =>
            {
                Interlocked.Exchange(ref flags.First, 1);
                return flags.Second == 0;
            },
            () =>
            {
                Interlocked.Exchange(ref flags.Second, 1);
                return flags.First == 0;
            });
    }

    /// <summary>Each thread runs its entry protocol; both entering is the bug (checked after both are joined).</summary>
    private static void Run(Func<bool> first, Func<bool> second)
    {
        var entered = new bool[2];
        WorkerThreads.JoinAll(WorkerThreads.Start(["first", "second"], [() => entered[0] = first(), () => entered[1] = second()]));
        if (entered[0] && entered[1])
        {
            throw new InvalidOperationException("Both threads entered the critical section: each read the other's flag before the other's store was visible.");
        }
    }

    private sealed class VolatileFlagPair
    {
        public volatile bool First;
        public volatile bool Second;
    }

    private sealed class PlainFlagPair
    {
        public bool First;
        public bool Second;
    }

    private sealed class IntFlagPair
    {
        public volatile int First;
        public volatile int Second;
    }

    private static class StaticFlagPair
    {
        public static volatile bool First;
        public static volatile bool Second;
    }
}
