namespace ScheduleExplorer.Workloads;

/// <summary>
/// The members of the <see cref="LostUpdate"/> family, by the name of their entry; the argument of
/// <see cref="LostUpdateCount.Count(CounterVariant, int, int)"/>.
/// </summary>
public enum CounterVariant
{
    /// <summary><see cref="LostUpdate.Unsynchronized(int, int)"/>: <c>counter += 1</c> with no synchronization (the bug).</summary>
    Unsynchronized,

    /// <summary><see cref="LostUpdate.Locked(int, int)"/>: <c>lock</c> on an object (Monitor).</summary>
    Locked,

    /// <summary><see cref="LostUpdate.LockedWithLock(int, int)"/>: <c>lock</c> on a <see cref="Lock"/>.</summary>
    LockedWithLock,

    /// <summary><see cref="LostUpdate.Interlocked(int, int)"/>: <c>Interlocked.Increment</c>.</summary>
    Interlocked,

    /// <summary><see cref="LostUpdate.CompareExchangeLoop(int, int)"/>: a <c>Volatile.Read</c> + <c>CompareExchange</c> retry loop.</summary>
    CompareExchangeLoop,

    /// <summary><see cref="LostUpdate.StripedCounter(int, int)"/>: one padded slot per thread, summed after the joins.</summary>
    StripedCounter,
}
