using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// Every iteration starts from the static state of a fresh process: statics the previous iteration
/// changed are cleared and type initializers re-run, so a bug does not depend on the iteration it
/// was found in and every trace replays.
/// </summary>
[TestFixture]
public sealed class FreshStaticsTests
{
    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Dfs)]
    public void AStaticCounter_StartsAtZero_InEveryIteration(string strategy)
    {
        var report = Workload.Explore("FreshStatics.Ids", new TestConfiguration { Strategy = strategy, Iterations = 200, Seed = 7 });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Iterations, Is.GreaterThan(1));
    }

    [Test]
    public void ALockedLazyCache_IsBuiltOnce_InEveryIteration()
    {
        var report = Workload.Explore("FreshStatics.LazyCacheLocked", new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 100_000 });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
    }

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Pct)]
    [TestCase(StrategyKind.Dfs)]
    public void ALazyCacheRace_IsFoundAtTheSameIteration_WhereverTheRunStarts_AndReplays(string strategy)
    {
        // dfs meets it at schedule 1,178 (590 without store buffering: stale reads add branches at the end of the tree).
        var configuration = new TestConfiguration { Strategy = strategy, Iterations = 2_000, Seed = 11 };
        var report = Workload.Explore("FreshStatics.LazyCache", configuration);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), $"no bug in {report.Iterations} iterations");
        Assert.That(report.Bug!.Message, Does.Contain("built 2 times"));
        int found = report.FirstBugIteration!.Value;
        TestContext.Out.WriteLine($"{strategy}: bug at iteration {found}");

        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug.Message));

        if (strategy != StrategyKind.Dfs)
        {
            // The same iteration run on its own, with none before it, finds the same bug: it never depended on what earlier iterations left in the statics.
            var alone = Workload.Explore("FreshStatics.LazyCache", configuration with { FirstIteration = found - 1, Iterations = 1 });
            Assert.That(alone.FirstBugIteration, Is.EqualTo(found));
            Assert.That(alone.Trace!.Steps, Is.EqualTo(report.Trace!.Steps));
        }
    }

    [Test]
    public void ATraceTakenAfterFiftyIterations_Replays()
    {
        // Depth-first search meets the race only after many clean schedules of the same engine, each
        // of which built the cache: the bug is still found, and its trace replays from a fresh start.
        var report = Workload.Explore("FreshStatics.LazyCache", new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 100_000 });
        TestContext.Out.WriteLine($"bug at schedule {report.FirstBugIteration}");
        Assert.That(report.Bug, Is.Not.Null);
        Assert.That(report.FirstBugIteration, Is.GreaterThanOrEqualTo(50));
        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug!.Message));
    }
}
