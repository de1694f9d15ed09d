using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Hunt;

/// <summary>What <c>schedex hunt</c> checks: every bundled bug is found, every fix shows none.</summary>
internal static class HuntPlan
{
    /// <summary>The bundled workloads' assembly, shipped next to schedex.dll.</summary>
    public const string WorkloadsAssemblyFile = "ScheduleExplorer.Workloads.dll";

    /// <summary>The bugs, then the fixes, in the order the table shows them.</summary>
    public static IReadOnlyList<HuntCase> Cases { get; } =
    [
        new("LostUpdate.Unsynchronized", ExpectBug: true),
        new("DiningPhilosophers.LeftThenRight", ExpectBug: true),
        new("DiningPhilosophers.LeftThenRightLock", ExpectBug: true),
        new("AsyncLostUpdate.AcrossAwait", ExpectBug: true),
        new("AsyncLostUpdate.TaskRun", ExpectBug: true),
        new("AccountStore.CreateTwice", ExpectBug: true),
        new("AsyncPhilosophers.LeftThenRight", ExpectBug: true),
        new("SyncOverAsync.Blocking", ExpectBug: true),
        new("ChannelPipeline.CompletesEarly", ExpectBug: true),
        new("TimeoutRace.LateResultLost", ExpectBug: true),
        new("ParallelCounter.ForUnsynchronized", ExpectBug: true),
        new("ParallelCounter.ForEachAsyncAcrossAwait", ExpectBug: true),
        new("Heartbeat.StopRacy", ExpectBug: true),
        new("PeriodicPoller.AssumesExactTicks", ExpectBug: true),
        new("ContinuationChain.Unsynchronized", ExpectBug: true),
        new("AsyncStreams.SharedTotal", ExpectBug: true),
        new("AsyncVoidCrash.Throws", ExpectBug: true),
        new("AsyncLoops.ForAsyncAcrossAwait", ExpectBug: true),
        new("AsyncLoops.ForEachAsyncOverStreamAcrossAwait", ExpectBug: true),
        new("ApmCounter.ReadThenWrite", ExpectBug: true),
        new("Publication.PlainFlag", ExpectBug: true),
        new("Dekker.VolatileFlags", ExpectBug: true),
        new("Peterson.VolatileFields", ExpectBug: true),
        new("AsyncSpin.FlagFirst", ExpectBug: true),
        new("LostUpdate.Locked", ExpectBug: false),
        new("LostUpdate.LockedWithLock", ExpectBug: false),
        new("LostUpdate.Interlocked", ExpectBug: false),
        new("LostUpdate.CompareExchangeLoop", ExpectBug: false),
        new("LostUpdate.StripedCounter", ExpectBug: false),
        new("DiningPhilosophers.OrderedForks", ExpectBug: false),
        new("DiningPhilosophers.Waiter", ExpectBug: false),
        new("DiningPhilosophers.TryLockBackoff", ExpectBug: false),
        new("DiningPhilosophers.OrderedForksLock", ExpectBug: false),
        new("AsyncLostUpdate.AcrossAwaitLocked", ExpectBug: false),
        new("AsyncLostUpdate.TaskRunInterlocked", ExpectBug: false),
        new("AccountStore.CreateTwiceGuarded", ExpectBug: false),
        new("AsyncPhilosophers.OrderedForks", ExpectBug: false),
        new("SyncOverAsync.ConfigureAwaitFalse", ExpectBug: false),
        new("ChannelPipeline.CompletesAfterAll", ExpectBug: false),
        new("TimeoutRace.LateResultKept", ExpectBug: false),
        new("ParallelCounter.ForInterlocked", ExpectBug: false),
        new("ParallelCounter.ForEachAsyncInterlocked", ExpectBug: false),
        new("Heartbeat.StopGuarded", ExpectBug: false),
        new("PeriodicPoller.WaitsForThreePolls", ExpectBug: false),
        new("ContinuationChain.Interlocked", ExpectBug: false),
        new("AsyncStreams.SharedTotalInterlocked", ExpectBug: false),
        new("AsyncVoidCrash.Catches", ExpectBug: false),
        new("AsyncLoops.ForAsyncInterlocked", ExpectBug: false),
        new("AsyncLoops.ForEachAsyncOverStreamInterlocked", ExpectBug: false),
        new("ApmCounter.AddInside", ExpectBug: false),
        new("SyncOverAsync.ConfigureAwaitOptionsNone", ExpectBug: false),
        new("Publication.VolatileFlag", ExpectBug: false),
        new("Dekker.MemoryBarrier", ExpectBug: false),
        new("Peterson.Fenced", ExpectBug: false),
        new("AsyncSpin.RecordFirst", ExpectBug: false),
    ];

    /// <summary>The strategies every case is explored with.</summary>
    public static IReadOnlyList<string> Strategies { get; } = [StrategyKind.Random, StrategyKind.Pct];

    /// <summary>The default assembly: <see cref="WorkloadsAssemblyFile"/> next to schedex.dll.</summary>
    public static string DefaultAssembly => Path.Combine(AppContext.BaseDirectory, WorkloadsAssemblyFile);

    /// <summary>The strategy column's label.</summary>
    public static string Label(string strategy) => strategy;
}
