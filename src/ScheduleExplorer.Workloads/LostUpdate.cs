namespace ScheduleExplorer.Workloads;

/// <summary>
/// The lost-update family: several threads increment one counter. <see cref="Unsynchronized()"/> is the bug
/// (a data race on a plain field); every other entry is a fix using a different primitive.
/// Each call builds fresh state, so repeated calls are independent.
/// </summary>
public static class LostUpdate
{
    /// <summary>Default number of threads for the parameterless entries (small, to keep schedules few).</summary>
    public const int DefaultThreads = 2;

    /// <summary>Default number of increments per thread for the parameterless entries.</summary>
    public const int DefaultIncrements = 2;

    /// <summary>The bug: <c>counter += 1</c> without synchronization, 2 threads × 2 increments.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void Unsynchronized() => Unsynchronized(DefaultThreads, DefaultIncrements);

    /// <summary>The bug: <c>counter += 1</c> without synchronization.</summary>
    /// <param name="threads">Number of worker threads (at least 1).</param>
    /// <param name="increments">Increments per thread (at least 0).</param>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void Unsynchronized(int threads, int increments)
    {
        CounterRace.Validate(threads, increments);
        CounterRace.Run(new RacyCounter(), threads, increments);
    }

    /// <summary>Fixed with <c>lock (gate)</c> on an object (Monitor), 2 threads × 2 increments.</summary>
    public static void Locked() => Locked(DefaultThreads, DefaultIncrements);

    /// <summary>Fixed with <c>lock (gate)</c> on an object (Monitor).</summary>
    /// <param name="threads">Number of worker threads (at least 1).</param>
    /// <param name="increments">Increments per thread (at least 0).</param>
    public static void Locked(int threads, int increments)
    {
        CounterRace.Validate(threads, increments);
        CounterRace.Run(new MonitorCounter(), threads, increments);
    }

    /// <summary>Fixed with <c>lock</c> on a <see cref="Lock"/> (compiled to EnterScope), 2 threads × 2 increments.</summary>
    public static void LockedWithLock() => LockedWithLock(DefaultThreads, DefaultIncrements);

    /// <summary>Fixed with <c>lock</c> on a <see cref="Lock"/> (compiled to EnterScope).</summary>
    /// <param name="threads">Number of worker threads (at least 1).</param>
    /// <param name="increments">Increments per thread (at least 0).</param>
    public static void LockedWithLock(int threads, int increments)
    {
        CounterRace.Validate(threads, increments);
        CounterRace.Run(new LockCounter(), threads, increments);
    }

    /// <summary>Fixed with <c>Interlocked.Increment</c>, 2 threads × 2 increments.</summary>
    public static void Interlocked() => Interlocked(DefaultThreads, DefaultIncrements);

    /// <summary>Fixed with <c>Interlocked.Increment</c>.</summary>
    /// <param name="threads">Number of worker threads (at least 1).</param>
    /// <param name="increments">Increments per thread (at least 0).</param>
    public static void Interlocked(int threads, int increments)
    {
        CounterRace.Validate(threads, increments);
        CounterRace.Run(new InterlockedCounter(), threads, increments);
    }

    /// <summary>Fixed with a <c>Volatile.Read</c> + <c>Interlocked.CompareExchange</c> retry loop, 2 threads × 2 increments.</summary>
    public static void CompareExchangeLoop() => CompareExchangeLoop(DefaultThreads, DefaultIncrements);

    /// <summary>Fixed with a <c>Volatile.Read</c> + <c>Interlocked.CompareExchange</c> retry loop.</summary>
    /// <param name="threads">Number of worker threads (at least 1).</param>
    /// <param name="increments">Increments per thread (at least 0).</param>
    public static void CompareExchangeLoop(int threads, int increments)
    {
        CounterRace.Validate(threads, increments);
        CounterRace.Run(new CompareExchangeCounter(), threads, increments);
    }

    /// <summary>Fixed by giving each thread its own padded slot, summed after the joins, 2 threads × 2 increments.</summary>
    public static void StripedCounter() => StripedCounter(DefaultThreads, DefaultIncrements);

    /// <summary>Fixed by giving each thread its own padded slot, summed after the joins.</summary>
    /// <param name="threads">Number of worker threads (at least 1).</param>
    /// <param name="increments">Increments per thread (at least 0).</param>
    public static void StripedCounter(int threads, int increments)
    {
        CounterRace.Validate(threads, increments);
        CounterRace.Run(new PaddedStripedCounter(threads), threads, increments);
    }
}
