using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// The async workloads: each bug is found under random and PCT at a fixed seed and its trace
/// replays step for step to the same bug; each fix is clean over 1,000 iterations of both; DFS
/// trees of small instances are pinned; virtual time makes waits free and measurable.
/// </summary>
[TestFixture]
public sealed class AsyncBugHuntingTests
{
    private const int Budget = 1_000;
    private static readonly TestConfiguration s_dfs = new() { Strategy = StrategyKind.Dfs, Iterations = 1_000_000, FailOnMaxSteps = true };

    [TestCase("AsyncLostUpdate.AcrossAwait", BugKind.UnhandledException, "Lost update across an await")]
    [TestCase("AsyncLostUpdate.TaskRun", BugKind.UnhandledException, "Lost update")]
    [TestCase("AccountStore.CreateTwice", BugKind.UnhandledException, "exactly one may")]
    [TestCase("AsyncPhilosophers.LeftThenRight", BugKind.Deadlock, "waits for SemaphoreSlim")]
    [TestCase("SyncOverAsync.Blocking", BugKind.Deadlock, "sync-over-async")]
    [TestCase("ChannelPipeline.CompletesEarly", BugKind.UnhandledException, "The pipeline lost")]
    [TestCase("TimeoutRace.LateResultLost", BugKind.UnhandledException, "the late result was dropped")]
    [TestCase("TimeoutRace.WaitAsyncLateResultLost", BugKind.UnhandledException, "the late result was dropped")]
    [TestCase("ParallelCounter.ForUnsynchronized", BugKind.UnhandledException, "Lost update in a parallel loop")]
    [TestCase("ParallelCounter.ForEachAsyncAcrossAwait", BugKind.UnhandledException, "Lost update in a parallel loop")]
    [TestCase("Heartbeat.StopRacy", BugKind.UnhandledException, "but counted")]
    [TestCase("PeriodicPoller.AssumesExactTicks", BugKind.UnhandledException, "expected 3")]
    [TestCase("ContinuationChain.Unsynchronized", BugKind.UnhandledException, "expected 42")]
    [TestCase("AsyncStreams.SharedTotal", BugKind.UnhandledException, "expected 24")]
    [TestCase("AsyncLoops.ForAsyncAcrossAwait", BugKind.UnhandledException, "Lost update in an async loop")]
    [TestCase("AsyncLoops.ForEachAsyncOverStreamAcrossAwait", BugKind.UnhandledException, "Lost update in an async loop")]
    [TestCase("ApmCounter.ReadThenWrite", BugKind.UnhandledException, "Lost update through the APM API")]
    [TestCase("AsyncVoidCrash.Throws", BugKind.UnhandledException, "The click handler failed")]
    [TestCase("StatefulContinuations.Unsynchronized", BugKind.UnhandledException, "Lost update across continuations")]
    [TestCase("TypedFactory.Unsynchronized", BugKind.UnhandledException, "Lost update in factory tasks")]
    [TestCase("ValueTaskResult.BlocksBeforeProducing", BugKind.Deadlock, "'main' waits for")]
    [TestCase("ChannelCompletion.NeverCompleted", BugKind.Deadlock, "awaits the task of 'ChannelReader.Completion at ChannelCompletion.cs:")]
    public void BuggyAsyncWorkload_IsFound_AndItsTraceReplays(string method, BugKind kind, string text)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            Workload.AssertFoundAndReplays(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026 }, kind, text);
        }
    }

    [TestCase("AsyncLostUpdate.AcrossAwaitLocked")]
    [TestCase("AsyncLostUpdate.TaskRunInterlocked")]
    [TestCase("AccountStore.CreateTwiceGuarded")]
    [TestCase("AsyncPhilosophers.OrderedForks")]
    [TestCase("SyncOverAsync.ConfigureAwaitFalse")]
    [TestCase("ChannelPipeline.CompletesAfterAll")]
    [TestCase("TimeoutRace.LateResultKept")]
    [TestCase("Misbehaving.AsyncCounter.Run")]
    [TestCase("TimeoutRace.WaitAsyncLateResultKept")]
    [TestCase("ParallelCounter.ForInterlocked")]
    [TestCase("ParallelCounter.ForEachAsyncInterlocked")]
    [TestCase("Heartbeat.StopGuarded")]
    [TestCase("PeriodicPoller.WaitsForThreePolls")]
    [TestCase("ContinuationChain.Interlocked")]
    [TestCase("AsyncStreams.SharedTotalInterlocked")]
    [TestCase("AsyncLoops.ForAsyncInterlocked")]
    [TestCase("AsyncLoops.ForEachAsyncOverStreamInterlocked")]
    [TestCase("ApmCounter.AddInside")]
    [TestCase("ApmCounter.EveryOverload")]
    [TestCase("AsyncVoidCrash.Catches")]
    [TestCase("SyncOverAsync.ConfigureAwaitOptionsNone")]
    [TestCase("ChannelCompletion.Completed")]
    [TestCase("StatefulContinuations.Interlocked")]
    [TestCase("ValueTaskResult.BlocksAfterProducing")]
    [TestCase("TypedFactory.Interlocked")]
    public void FixedAsyncWorkload_HasNoBug_UnderRandomAndPct(string method)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            var report = Workload.Explore(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026, FailOnMaxSteps = true });
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.Iterations, Is.EqualTo(Budget));
            Assert.That(report.TotalSteps, Is.GreaterThan(Budget * 3), "every iteration really ran its scheduling points");
        }
    }

    [TestCase("AsyncLostUpdate.AcrossAwaitLocked(2, 1)", StrategyKind.Dfs, 60)]
    [TestCase("AsyncLostUpdate.TaskRunInterlocked(2)", StrategyKind.Dfs, 10)]
    [TestCase("AccountStore.CreateTwiceGuarded", StrategyKind.Dfs, 17)]
    [TestCase("AsyncPhilosophers.OrderedForks(2, 1)", StrategyKind.Dfs, 12_989)] // 7,900 without store buffering
    [TestCase("TimeoutRace.LateResultKept", StrategyKind.Dfs, 37)]
    [TestCase("AsyncLostUpdate.AcrossAwaitLocked(2, 1)", StrategyKind.Dpor, 15)]
    [TestCase("AsyncLostUpdate.TaskRunInterlocked(2)", StrategyKind.Dpor, 4)]
    [TestCase("AccountStore.CreateTwiceGuarded", StrategyKind.Dpor, 12)]
    [TestCase("AsyncPhilosophers.OrderedForks(2, 1)", StrategyKind.Dpor, 4_646)] // 2,681 without store buffering
    [TestCase("TimeoutRace.LateResultKept", StrategyKind.Dpor, 19)]
    public void AsyncFix_HoldsInEverySchedule(string method, string strategy, int expectedSchedules) =>
        Workload.AssertCleanInWholeTree(method, strategy, expectedSchedules);

    [TestCase("AsyncLostUpdate.AcrossAwait(2, 1)", BugKind.UnhandledException, StrategyKind.Dfs)]
    [TestCase("AsyncLostUpdate.TaskRun(2)", BugKind.UnhandledException, StrategyKind.Dfs)]
    [TestCase("AsyncPhilosophers.LeftThenRight(2, 1)", BugKind.Deadlock, StrategyKind.Dfs)]
    [TestCase("TimeoutRace.LateResultLost", BugKind.UnhandledException, StrategyKind.Dfs)]
    [TestCase("AsyncLostUpdate.AcrossAwait(2, 1)", BugKind.UnhandledException, StrategyKind.Dpor)]
    [TestCase("AsyncLostUpdate.TaskRun(2)", BugKind.UnhandledException, StrategyKind.Dpor)]
    [TestCase("AsyncPhilosophers.LeftThenRight(2, 1)", BugKind.Deadlock, StrategyKind.Dpor)]
    [TestCase("TimeoutRace.LateResultLost", BugKind.UnhandledException, StrategyKind.Dpor)]
    [TestCase("ParallelCounter.ForUnsynchronized", BugKind.UnhandledException, StrategyKind.Dpor)]
    [TestCase("Heartbeat.StopRacy", BugKind.UnhandledException, StrategyKind.Dpor)]
    public void AsyncBug_IsInTheTree(string method, BugKind kind, string strategy)
    {
        var report = Workload.Explore(method, s_dfs with { Strategy = strategy });
        TestContext.Out.WriteLine($"{method}: bug at schedule {report.FirstBugIteration}");
        Assert.That(report.Bug?.Kind, Is.EqualTo(kind), report.Bug?.Message ?? "no bug");
        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug!.Message));
    }

    [TestCase("IoBound.WhenAllTakes(10, 5000, 5000)")]
    [TestCase("IoBound.ThreadPerRequestTakes(10, 5000, 5000)")]
    [TestCase("IoBound.SequentialTakes(10, 5000, 50000)")]
    public void VirtualTime_TenWaitsOfFiveSeconds_TakeFiveVirtualSeconds_OrFiftyInSequence(string method)
    {
        // Each entry measures itself with a Stopwatch and throws unless it took exactly the expected time.
        var report = Workload.Explore(method, new TestConfiguration { Iterations = 200, Seed = 7, Strategy = StrategyKind.Pct });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Iterations, Is.EqualTo(200));
    }

    [Test]
    public void VirtualTime_AWrongExpectation_IsReported()
    {
        var report = Workload.Explore("IoBound.WhenAllTakes(10, 5000, 50000)", new TestConfiguration { Iterations = 10 });
        Assert.That(report.Bug?.Message, Does.Contain("took 5000 ms, expected 50000 ms"));
    }

    [Test]
    public void SyncOverAsync_Deadlock_NamesTheBlockedFlowAndTheStrandedContinuation()
    {
        var report = Workload.Explore("SyncOverAsync.Blocking", new TestConfiguration { Iterations = 10 });
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Deadlock));
        Assert.That(report.Bug!.Message, Does.Contain("'main' waits for the task of 'FetchAsync' at SyncOverAsync.cs:"));
        Assert.That(report.Bug.Message, Does.Contain("was posted to SingleThreadContext and never ran"));
    }

    [Test]
    public void AsyncDeadlock_NamesWhatEachFlowAwaits()
    {
        var report = Workload.Explore("AsyncPhilosophers.LeftThenRight", new TestConfiguration { Iterations = Budget, Seed = 1 });
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Deadlock));
        Assert.That(report.Bug!.Message, Does.Match(@"'Task\.Run( \d)?' waits for SemaphoreSlim#\d at AsyncPhilosophers\.cs:\d+"));
        Assert.That(report.Bug.Message, Does.Contain("awaits the task of 'Task.WhenAll at AsyncPhilosophers.cs:"));
    }

    [Test]
    public void SameSeed_GivesTheSameAsyncTrace()
    {
        var config = new TestConfiguration { Strategy = StrategyKind.Pct, Iterations = Budget, Seed = 99 };
        var first = Workload.Explore("ChannelPipeline.CompletesEarly", config);
        var second = Workload.Explore("ChannelPipeline.CompletesEarly", config);
        Assert.That(first.FirstBugIteration, Is.EqualTo(second.FirstBugIteration));
        Assert.That(Traces.TraceSerializer.ToUtf8(first.Trace!), Is.EqualTo(Traces.TraceSerializer.ToUtf8(second.Trace!)));
    }
}
