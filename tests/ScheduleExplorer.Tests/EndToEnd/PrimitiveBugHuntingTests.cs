using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// The primitives workloads (rewritten from plain C#): each bug is found under random, PCT and DFS
/// with the right kind and its trace replays step for step to the same bug; each fix is clean over
/// 500 iterations of random and PCT and, where the tree is small, in every schedule.
/// </summary>
[TestFixture]
public sealed class PrimitiveBugHuntingTests
{
    private const int Budget = 500;
    private static readonly TestConfiguration s_dfs = new() { Strategy = StrategyKind.Dfs, Iterations = 200_000, FailOnMaxSteps = true };

    [TestCase("Primitives.LazyCache.NotThreadSafe", BugKind.UnhandledException, "ValueFactory attempted to access the Value property")]
    [TestCase("Primitives.ConnectionInit.CompareExchange", BugKind.UnhandledException, "Opened 2 connections")]
    [TestCase("Primitives.RegistryCache.CheckThenAdd", BugKind.UnhandledException, "created 2 times")]
    [TestCase("Primitives.PhasedExchange.OneBarrierPerRound", BugKind.UnhandledException, "from its neighbour")]
    [TestCase("Primitives.FanIn.SignalBeforeStore", BugKind.UnhandledException, "before every part was stored")]
    [TestCase("Primitives.SpinCounter.IgnoresTryEnter", BugKind.UnhandledException, "Lost update under a SpinLock")]
    [TestCase("Primitives.SpinHandshake.NoAcknowledgement", BugKind.Deadlock, "waits for another operation's progress (a spin-wait)")]
    [TestCase("Primitives.ReplicaQuery.WaitAny", BugKind.UnhandledException, "an answer was not in yet")]
    [TestCase("Primitives.MutexCounter.ReleasesTooEarly", BugKind.UnhandledException, "Lost update under a Mutex")]
    [TestCase("Primitives.PrinterPool.TwoPermits", BugKind.UnhandledException, "jobs are printing on one printer")]
    [TestCase("Primitives.LogPipeline.EachProducerCompletes", BugKind.UnhandledException, "marked as complete with regards to additions")]
    [TestCase("Primitives.PerThreadTally.SharedCounter", BugKind.UnhandledException, "items, it handled")]
    [TestCase("Primitives.RequestContext.SharedField", BugKind.UnhandledException, "log line was stamped")]
    [TestCase("Primitives.InterruptibleWorker.StopFlagOnly", BugKind.Deadlock, "'worker' waits for a pulse on")]
    [TestCase("Primitives.ReentrancyGuard.SharedFlag", BugKind.UnhandledException, "each thread logged one")]
    [TestCase("Primitives.ReportCache.GetOrAddFactory", BugKind.UnhandledException, "built 2 times")]
    [TestCase("Primitives.StripedTally.TotalUnderStripeLock", BugKind.UnhandledException, "Lost an order")]
    public void BuggyWorkload_IsFound_UnderRandomPctAndDfs_AndItsTraceReplays(string method, BugKind kind, string text)
    {
        var configurations = new[]
        {
            new TestConfiguration { Strategy = StrategyKind.Random, Iterations = Budget, Seed = 2026 },
            new TestConfiguration { Strategy = StrategyKind.Pct, Iterations = Budget, Seed = 2026 },
            s_dfs,
        };
        foreach (var configuration in configurations)
        {
            Workload.AssertFoundAndReplays(method, configuration, kind, text);
        }
    }

    [TestCase("Primitives.LazyCache.ThreadSafe")]
    [TestCase("Primitives.LazyCache.PublicationOnly")]
    [TestCase("Primitives.ConnectionInit.Locked")]
    [TestCase("Primitives.RegistryCache.Upgradeable")]
    [TestCase("Primitives.PhasedExchange.TwoBarriersPerRound")]
    [TestCase("Primitives.FanIn.StoreThenSignal")]
    [TestCase("Primitives.SpinCounter.Enters")]
    [TestCase("Primitives.SpinHandshake.Acknowledged")]
    [TestCase("Primitives.ReplicaQuery.WaitAll")]
    [TestCase("Primitives.MutexCounter.Guarded")]
    [TestCase("Primitives.PrinterPool.OnePermit")]
    [TestCase("Primitives.LogPipeline.CompletesAfterBoth")]
    [TestCase("Primitives.PerThreadTally.ThreadLocalCounter")]
    [TestCase("Primitives.RequestContext.AsyncLocalFlow")]
    [TestCase("Primitives.InterruptibleWorker.Interrupted")]
    [TestCase("Primitives.ReentrancyGuard.ThreadStaticFlag")]
    [TestCase("Primitives.ReentrancyGuard.FreshOnEveryThread")]
    [TestCase("Primitives.ReportCache.GetOrAddLazy")]
    [TestCase("Primitives.StripedTally.TotalInterlocked")]
    [TestCase("Primitives.StripedTally.CombinedHashStripes")]
    public void FixedWorkload_HasNoBug_UnderRandomAndPct(string method)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            var report = Workload.Explore(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026, FailOnMaxSteps = true });
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.Iterations, Is.EqualTo(Budget));
            Assert.That(report.TotalSteps, Is.GreaterThan(Budget * 3), "every iteration really ran its scheduling points");
        }
    }

    [TestCase("Primitives.LazyCache.ThreadSafe")]
    [TestCase("Primitives.LazyCache.PublicationOnly")]
    [TestCase("Primitives.RegistryCache.Upgradeable")]
    [TestCase("Primitives.PhasedExchange.TwoBarriersPerRound")]
    [TestCase("Primitives.FanIn.StoreThenSignal")]
    [TestCase("Primitives.SpinCounter.Enters")]
    [TestCase("Primitives.ReplicaQuery.WaitAll")]
    [TestCase("Primitives.MutexCounter.Guarded")]
    [TestCase("Primitives.PrinterPool.OnePermit")]
    [TestCase("Primitives.LogPipeline.CompletesAfterBoth")]
    [TestCase("Primitives.PerThreadTally.ThreadLocalCounter")]
    [TestCase("Primitives.RequestContext.AsyncLocalFlow")]
    [TestCase("Primitives.InterruptibleWorker.Interrupted")]
    [TestCase("Primitives.ReentrancyGuard.ThreadStaticFlag")]
    [TestCase("Primitives.ReentrancyGuard.FreshOnEveryThread")]
    [TestCase("Primitives.ReportCache.GetOrAddLazy")]
    public void FixedWorkload_HoldsInEverySchedule(string method)
    {
        var report = Workload.Explore(method, s_dfs);
        TestContext.Out.WriteLine($"{method}: {report.Iterations} schedules, {report.TotalSteps} steps");
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True, "DFS must finish the whole tree");
    }

    /// <summary>
    /// Trees too large to finish in a test: a LazyInitializer target is known only by address (every
    /// step conflicts), and a spin-wait handshake can spin any number of times.
    /// </summary>
    [TestCase("Primitives.ConnectionInit.Locked")]
    [TestCase("Primitives.SpinHandshake.Acknowledged")]
    [TestCase("Primitives.StripedTally.TotalInterlocked")]
    public void FixedWorkload_HasNoBug_InTheFirstDfsSchedules(string method)
    {
        var report = Workload.Explore(method, new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 2_000, FailOnMaxSteps = true });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Iterations, Is.EqualTo(2_000));
    }
}
