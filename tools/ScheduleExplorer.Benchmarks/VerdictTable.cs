using System.Globalization;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// The verdict of every controlled primitive and shared-memory access kind: a buggy and a fixed
/// workload each, under random, PCT, DFS (sleep sets) and DPOR, printed as a Markdown table (a buggy cell is the
/// iteration the bug was first found in, a fixed cell "clean" with how many iterations ran, "all" when
/// DFS finished the tree). Run with
/// <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- verdicts [budget] [dfs-budget]</c>.
/// </summary>
internal static class VerdictTable
{
    private static readonly (string What, string Bug, string Fix)[] s_pairs =
    [
        ("Lazy<T> (ExecutionAndPublication)", "Primitives.LazyCache.NotThreadSafe", "Primitives.LazyCache.ThreadSafe"),
        ("Lazy<T> (PublicationOnly)", "Primitives.LazyCache.NotThreadSafe", "Primitives.LazyCache.PublicationOnly"),
        ("LazyInitializer", "Primitives.ConnectionInit.CompareExchange", "Primitives.ConnectionInit.Locked"),
        ("ReaderWriterLockSlim (upgradeable)", "Primitives.RegistryCache.CheckThenAdd", "Primitives.RegistryCache.Upgradeable"),
        ("Barrier", "Primitives.PhasedExchange.OneBarrierPerRound", "Primitives.PhasedExchange.TwoBarriersPerRound"),
        ("CountdownEvent", "Primitives.FanIn.SignalBeforeStore", "Primitives.FanIn.StoreThenSignal"),
        ("SpinLock", "Primitives.SpinCounter.IgnoresTryEnter", "Primitives.SpinCounter.Enters"),
        ("SpinWait.SpinUntil", "Primitives.SpinHandshake.NoAcknowledgement", "Primitives.SpinHandshake.Acknowledged"),
        ("WaitHandle.WaitAny / WaitAll", "Primitives.ReplicaQuery.WaitAny", "Primitives.ReplicaQuery.WaitAll"),
        ("Mutex (unnamed)", "Primitives.MutexCounter.ReleasesTooEarly", "Primitives.MutexCounter.Guarded"),
        ("Semaphore (unnamed)", "Primitives.PrinterPool.TwoPermits", "Primitives.PrinterPool.OnePermit"),
        ("BlockingCollection<T>", "Primitives.LogPipeline.EachProducerCompletes", "Primitives.LogPipeline.CompletesAfterBoth"),
        ("ThreadLocal<T>", "Primitives.PerThreadTally.SharedCounter", "Primitives.PerThreadTally.ThreadLocalCounter"),
        ("AsyncLocal<T>", "Primitives.RequestContext.SharedField", "Primitives.RequestContext.AsyncLocalFlow"),
        ("[ThreadStatic]", "Primitives.ReentrancyGuard.SharedFlag", "Primitives.ReentrancyGuard.ThreadStaticFlag"),
        ("Thread.Interrupt", "Primitives.InterruptibleWorker.StopFlagOnly", "Primitives.InterruptibleWorker.Interrupted"),
        ("ConcurrentDictionary<K, Lazy<V>>", "Primitives.ReportCache.GetOrAddFactory", "Primitives.ReportCache.GetOrAddLazy"),
        ("Guid.NewGuid + string hash", "Primitives.StripedTally.TotalUnderStripeLock", "Primitives.StripedTally.TotalInterlocked"),
        ("array element `a[0]++`", "SharedAccess.ArrayIncrement", "SharedAccess.ArrayIncrementLocked"),
        ("array element `a[i] += 1`", "SharedAccess.ArrayCompound", "SharedAccess.ArrayCompoundLocked"),
        ("struct field in an array", "SharedAccess.StructInArray", "SharedAccess.StructInArrayLocked"),
        ("static struct field", "SharedAccess.StaticStruct", "SharedAccess.StaticStructLocked"),
        ("`ref` local", "SharedAccess.RefLocal", "SharedAccess.RefLocalLocked"),
        ("`ref` parameter", "SharedAccess.RefParameter", "SharedAccess.RefParameterLocked"),
        ("`ref` return", "SharedAccess.RefReturn", "SharedAccess.RefReturnLocked"),
        ("Span<T> element", "SharedAccess.SpanElement", "SharedAccess.SpanElementLocked"),
        ("`fixed` pointer", "SharedAccess.FixedPointer", "SharedAccess.FixedPointerLocked"),
        ("List<T>.Add", "SharedCollections.ListAdd", "SharedCollections.ListAddLocked"),
        ("Dictionary<K, V> write", "SharedCollections.DictionaryWrite", "SharedCollections.DictionaryWriteLocked"),
        ("ConcurrentDictionary check-then-act", "SharedCollections.ConcurrentDictionaryCheckThenAct", "SharedCollections.ConcurrentDictionaryWrite"),
        ("fresh statics per iteration", "FreshStatics.LazyCache", "FreshStatics.LazyCacheLocked"),
        ("fresh statics of a generic type", "Primitives.CodecCache.CheckThenBuild", "Primitives.CodecCache.BuildUnderLock"),
        ("generic type initializer with a lock", "Statics.TenantSettings.RacyHits", "Statics.TenantSettings.AtomicHits"),
        ("data race: plain flag / `volatile` flag", "Memory.Publication.PlainFlag", "Memory.Publication.VolatileFlag"),
        ("data race: plain flag / `Volatile.Read`/`Write`", "Memory.Publication.PlainFlag", "Memory.Publication.VolatileCalls"),
        ("data race: one array slot / own slots", "Memory.Partitioned.SharedSlot", "Memory.Partitioned.OwnSlots"),
        ("data race: one object's field / own objects", "Memory.Partitioned.SharedObject", "Memory.Partitioned.OwnObjects"),
        ("data race: `a[i] += …` through `ldelema` / locked", "Memory.Partitioned.SharedSlotLongIndex", "Memory.Partitioned.SharedSlotLocked"),
        ("store buffering: Dekker `volatile` flags / `Thread.MemoryBarrier`", "Memory.Dekker.VolatileFlags", "Memory.Dekker.MemoryBarrier"),
        ("store buffering: Dekker `static volatile` flags / `Interlocked.Exchange`", "Memory.Dekker.StaticFlags", "Memory.Dekker.InterlockedExchange"),
        ("store buffering: Dekker `Volatile.Write`/`Read` / `Interlocked.MemoryBarrier`", "Memory.Dekker.VolatileCalls", "Memory.Dekker.VolatileCallsFenced"),
        ("store buffering: Peterson `volatile` fields / fenced", "Memory.Peterson.VolatileFields", "Memory.Peterson.Fenced"),
        ("fair yields: an async poll on `await Task.Yield()`, flag raised first / last", "AsyncSpin.FlagFirst", "AsyncSpin.RecordFirst"),
    ];

    public static void Run(int budget, int dfsBudget)
    {
        Console.WriteLine($"Verdicts (random and PCT(3): {budget:N0} iterations, seed 2026; DFS and DPOR: up to {dfsBudget:N0} schedules; store buffering on, the default)");
        Console.WriteLine();
        Console.WriteLine("| primitive / access | buggy: random | PCT | DFS | DPOR | fixed: random | PCT | DFS | DPOR |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (what, bug, fix) in s_pairs)
        {
            var cells = new List<string>();
            foreach (string method in new[] { bug, fix })
            {
                foreach (var configuration in Configurations(budget, dfsBudget))
                {
                    cells.Add(Cell(method, configuration, expectBug: method == bug));
                }
            }

            Console.WriteLine($"| {what} | {string.Join(" | ", cells)} |");
        }
    }

    private static TestConfiguration[] Configurations(int budget, int dfsBudget) =>
    [
        new() { Strategy = StrategyKind.Random, Iterations = budget, Seed = 2026 },
        new() { Strategy = StrategyKind.Pct, StrategyBound = 3, Iterations = budget, Seed = 2026 },
        new() { Strategy = StrategyKind.Dfs, Iterations = dfsBudget },
        new() { Strategy = StrategyKind.Dpor, Iterations = dfsBudget },
    ];

    private static string Cell(string method, TestConfiguration configuration, bool expectBug)
    {
        using var engine = TestingEngine.Create(configuration, typeof(LostUpdate).Assembly.Location, method);
        var report = engine.Run();
        string iterations = report.Iterations.ToString("N0", CultureInfo.InvariantCulture);
        string verdict = report switch
        {
            { Bug: { } bug } => $"{bug.Kind} @{report.FirstBugIteration?.ToString(CultureInfo.InvariantCulture) ?? "?"}",
            { CouldNotTest: not null } => "could not test",
            { Exhausted: true } => $"clean (all {iterations})",
            _ => $"clean ({iterations})",
        };
        bool wrong = expectBug != report.Bug is not null;
        return wrong ? $"**{verdict}** ✗" : verdict;
    }
}
