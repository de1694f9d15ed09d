using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// The async APIs controlled beyond the core task set (<c>CancellationToken.WaitHandle</c>, …):
/// each buggy workload is found under random and PCT at a fixed seed and its trace replays; each
/// fixed one is clean over 1,000 iterations of both and, where small, in every DFS schedule.
/// </summary>
[TestFixture]
public sealed class AsyncApiBugHuntingTests
{
    private const int Budget = 1_000;
    private static readonly TestConfiguration s_dfs = new() { Strategy = StrategyKind.Dfs, Iterations = 1_000_000, FailOnMaxSteps = true };

    [TestCase("CancellableWorker.CancelsBeforeTheProducerIsDone", BugKind.UnhandledException, "item(s) never processed")]
    [TestCase("CacheWarmup.ServesWhenAnyLoaded", BugKind.UnhandledException, "of 2 loads done")]
    [TestCase("CacheWarmup.CountsUnsynchronized", BugKind.UnhandledException, "Lost update in continuations of all loads")]
    [TestCase("ResultsAsTheyComplete.AssumesArrayOrder", BugKind.UnhandledException, "results were stored in completion order")]
    [TestCase("ReentrantTicks.Overlapping", BugKind.UnhandledException, "Overlapping Elapsed handlers lost ticks")]
    public void BuggyWorkload_IsFound_AndItsTraceReplays(string method, BugKind kind, string text)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            Workload.AssertFoundAndReplays(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026 }, kind, text);
        }
    }

    [TestCase("CancellableWorker.CancelsAfterTheProducer")]
    [TestCase("CancellableWorker.PollsUntilCanceled")]
    [TestCase("CacheWarmup.ServesWhenAllLoaded")]
    [TestCase("CacheWarmup.ServesTheFirstLoad")]
    [TestCase("CacheWarmup.CountsInterlocked")]
    [TestCase("ResultsAsTheyComplete.IndexesByTask")]
    [TestCase("ResultsAsTheyComplete.CountsEveryTask")]
    [TestCase("ReentrantTicks.OneAtATime")]
    [TestCase("ElapsedTimerSemantics.Run")]
    public void FixedWorkload_HasNoBug_UnderRandomAndPct(string method)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            var report = Workload.Explore(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026, FailOnMaxSteps = true });
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.CouldNotTest, Is.Null, report.CouldNotTest?.Message);
            Assert.That(report.Iterations, Is.EqualTo(Budget));
            Assert.That(report.TotalSteps, Is.GreaterThan(Budget * 3), "every iteration really ran its scheduling points");
        }
    }

    [TestCase("CancellableWorker.CancelsAfterTheProducer", 12)]
    [TestCase("CacheWarmup.ServesWhenAllLoaded", 8)]
    [TestCase("CacheWarmup.ServesTheFirstLoad", 67)] // 36 without store buffering: reads of a still-buffered store branch
    [TestCase("CacheWarmup.CountsInterlocked", 29)]
    [TestCase("ResultsAsTheyComplete.IndexesByTask", 28)]
    [TestCase("ReentrantTicks.OneAtATime", 1)]
    public void Fix_HoldsInEverySchedule(string method, int expectedSchedules)
    {
        var report = Workload.Explore(method, s_dfs);
        TestContext.Out.WriteLine($"{method}: {report.Iterations} schedules, {report.TotalSteps} steps");
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True, "DFS must finish the whole tree");
        Assert.That(report.Iterations, Is.EqualTo(expectedSchedules));
    }

    [TestCase("CancellableWorker.CancelsBeforeTheProducerIsDone", BugKind.UnhandledException)]
    [TestCase("CacheWarmup.ServesWhenAnyLoaded", BugKind.UnhandledException)]
    [TestCase("CacheWarmup.CountsUnsynchronized", BugKind.UnhandledException)]
    [TestCase("ResultsAsTheyComplete.AssumesArrayOrder", BugKind.UnhandledException)]
    [TestCase("ReentrantTicks.Overlapping", BugKind.UnhandledException)]
    public void Bug_IsInTheTree(string method, BugKind kind)
    {
        var report = Workload.Explore(method, s_dfs);
        TestContext.Out.WriteLine($"{method}: bug at schedule {report.FirstBugIteration}");
        Assert.That(report.Bug?.Kind, Is.EqualTo(kind), report.Bug?.Message ?? "no bug");
        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug!.Message));
    }
}
