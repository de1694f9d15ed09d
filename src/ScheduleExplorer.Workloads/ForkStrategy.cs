namespace ScheduleExplorer.Workloads;

/// <summary>How a philosopher acquires its two forks; one value per <see cref="DiningPhilosophers"/> entry.</summary>
internal enum ForkStrategy
{
    /// <summary>Monitor on the left fork, then on the right: circular wait, deadlocks.</summary>
    LeftThenRight,

    /// <summary>Monitor on the lower-numbered fork first: no cycle, no deadlock.</summary>
    OrderedForks,

    /// <summary>Left then right, but a semaphore seats at most n − 1 philosophers, breaking the cycle.</summary>
    Waiter,

    /// <summary>Monitor on the left fork, TryEnter on the right; back off and retry on failure.</summary>
    TryLockBackoff,

    /// <summary>Like <see cref="LeftThenRight"/> on <see cref="Lock"/> gates: deadlocks.</summary>
    LeftThenRightLock,

    /// <summary>Like <see cref="OrderedForks"/> on <see cref="Lock"/> gates: no deadlock.</summary>
    OrderedForksLock,
}
