using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// A type initializer runs as one atomic step, outside control, whether it runs for real in the
/// iteration that first touches its type (a generic instantiation) or as the re-run copy before a later
/// iteration: its lock, <c>Interlocked</c> call and field accesses are not scheduling points, so a trace
/// from the first iteration and one from a later iteration take the same steps and replay in a fresh engine.
/// </summary>
[TestFixture]
public sealed class InitializerStepsTests
{
    private const string Racy = "Statics.TenantSettings.RacyHits";
    private const string Atomic = "Statics.TenantSettings.AtomicHits";
    private const string Failed = "Statics.TenantSettings.FailedInitializer";

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Pct)]
    [TestCase(StrategyKind.Dfs)]
    public void ATraceFromALaterIteration_AndOneFromTheFirst_TakeTheSameSteps_AndReplay(string strategy)
    {
        var configuration = new TestConfiguration { Strategy = strategy, Iterations = strategy == StrategyKind.Dfs ? 10_000 : 1_000, Seed = 8 };
        var report = Workload.Explore(Racy, configuration);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), $"no bug in {report.Iterations} iterations");
        Assert.That(report.Bug!.Message, Does.Contain("1 hits on Tenant#1, loaded 1 times"));
        int found = report.FirstBugIteration!.Value;
        Assert.That(found, Is.GreaterThan(1), "the bug must come from an iteration after the one that ran the real initializer");

        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug.Message));
        Assert.That(replay.Trace!.Steps, Is.EqualTo(report.Trace!.Steps));

        if (strategy != StrategyKind.Dfs)
        {
            // The same schedule as the first iteration of a fresh engine, which runs the real initializer.
            var first = Workload.Explore(Racy, configuration with { FirstIteration = found - 1, Iterations = 1 });
            Assert.That(first.FirstBugIteration, Is.EqualTo(found));
            Assert.That(first.Trace!.Steps, Is.EqualTo(report.Trace!.Steps));
            var firstReplay = Workload.Replay(first.Trace!);
            Assert.That(firstReplay.Divergence, Is.Null);
            Assert.That(firstReplay.Trace!.Steps, Is.EqualTo(first.Trace!.Steps));
        }
    }

    [Test]
    public void TheInitializersSteps_AreNotScheduled_InAnyIteration()
    {
        // Two hits with Interlocked: the only choices are the threads' starts, joins and increments, the
        // same number of schedules whichever iteration ran the real initializer.
        var report = Workload.Explore(Atomic, new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 10_000 });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
        Assert.That(report.Iterations, Is.EqualTo(11));
        Assert.That(report.TotalSteps, Is.EqualTo(275));
    }

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Dfs)]
    public void AFailedInitializer_FailsEveryAccess_InEveryIteration_AsInAFreshProcess(string strategy)
    {
        var report = Workload.Explore(Failed, new TestConfiguration { Strategy = strategy, Iterations = 200, Seed = 1 });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.CouldNotTest, Is.Null, report.CouldNotTest?.ToString());
        Assert.That(report.Iterations, Is.GreaterThan(1));
    }
}
