namespace ScheduleExplorer.Stress.Measure;

/// <summary>The workloads <c>schedex stress --sweep</c> measures, from ScheduleExplorer.Workloads.</summary>
public static class SweepPlan
{
    /// <summary>The counters family.</summary>
    public const string Counters = "counters";

    /// <summary>The philosophers family.</summary>
    public const string Philosophers = "philosophers";

    /// <summary>The entry whose ns/increment every counter row is divided by.</summary>
    public const string ReferenceMethod = "CounterReference.UncontendedInterlocked";

    /// <summary>The lost-update family: references, the bug, and every fix.</summary>
    public static IReadOnlyList<SweepCase> CounterCases { get; } =
    [
        new(Counters, "HW: Interlocked, 1 thread, uncontended", ReferenceMethod, SweepCaseKind.Reference, SingleThreadOnly: true),
        new(Counters, "HW: padded per-thread slots", "CounterReference.PaddedPerThread", SweepCaseKind.Reference),
        new(Counters, "unsynchronized (the bug)", "LostUpdate.Unsynchronized", SweepCaseKind.Bug),
        new(Counters, "lock (Monitor)", "LostUpdate.Locked", SweepCaseKind.Fix),
        new(Counters, "System.Threading.Lock", "LostUpdate.LockedWithLock", SweepCaseKind.Fix),
        new(Counters, "Interlocked.Increment", "LostUpdate.Interlocked", SweepCaseKind.Fix),
        new(Counters, "CAS loop", "LostUpdate.CompareExchangeLoop", SweepCaseKind.Fix),
        new(Counters, "striped per-thread counter", "LostUpdate.StripedCounter", SweepCaseKind.Fix),
    ];

    /// <summary>The dining philosophers' fixes (the left-then-right bug deadlocks: see <c>schedex stress</c>).</summary>
    public static IReadOnlyList<SweepCase> PhilosopherCases { get; } =
    [
        new(Philosophers, "ordered forks (Monitor)", "DiningPhilosophers.OrderedForks", SweepCaseKind.Fix),
        new(Philosophers, "ordered forks (Lock)", "DiningPhilosophers.OrderedForksLock", SweepCaseKind.Fix),
        new(Philosophers, "waiter (SemaphoreSlim)", "DiningPhilosophers.Waiter", SweepCaseKind.Fix),
        new(Philosophers, "try-lock with backoff", "DiningPhilosophers.TryLockBackoff", SweepCaseKind.Fix),
    ];

    /// <summary>Thread counts 1…<paramref name="maxThreads"/>.</summary>
    public static IReadOnlyList<int> CounterThreads(int maxThreads) => [.. Enumerable.Range(1, maxThreads)];

    /// <summary>Philosopher counts 2…max(<paramref name="maxThreads"/>, 5): a table needs two, and five is the classic one.</summary>
    public static IReadOnlyList<int> PhilosopherCounts(int maxThreads) => [.. Enumerable.Range(2, Math.Max(maxThreads, 5) - 1)];
}
