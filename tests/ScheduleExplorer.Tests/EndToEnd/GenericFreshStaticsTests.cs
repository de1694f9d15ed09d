using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// The statics of generic types start fresh in every iteration too: each closed instantiation
/// initialized in an earlier iteration (here one nested in a generic type, over the workload's own
/// types, with a readonly array and a struct among its statics) is cleared and re-initialized, so a
/// bug in a generic type's lazy state is found whatever iteration meets it, and its trace replays.
/// </summary>
[TestFixture]
public sealed class GenericFreshStaticsTests
{
    private const string Buggy = "Primitives.CodecCache.CheckThenBuild";
    private const string Fixed = "Primitives.CodecCache.BuildUnderLock";

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Pct)]
    public void ALockedGenericCache_CountsOneBuildForTwoLookups_InEveryIteration(string strategy)
    {
        var report = Workload.Explore(Fixed, new TestConfiguration { Strategy = strategy, Iterations = 1_000, Seed = 5 });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Iterations, Is.EqualTo(1_000));
    }

    [Test]
    public void ALockedGenericCache_IsCleanInEverySchedule()
    {
        var report = Workload.Explore(Fixed, new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 100_000 });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
        Assert.That(report.Iterations, Is.GreaterThan(1));
    }

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Pct)]
    [TestCase(StrategyKind.Dfs)]
    public void AGenericCacheRace_IsFound_AndReplays_AndDoesNotDependOnEarlierIterations(string strategy)
    {
        var configuration = new TestConfiguration { Strategy = strategy, Iterations = strategy == StrategyKind.Dfs ? 100_000 : 1_000, Seed = 11 };
        var report = Workload.Explore(Buggy, configuration);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), $"no bug in {report.Iterations} iterations");
        Assert.That(report.Bug!.Message, Does.Contain("built 2 times for 2 lookups"));
        int found = report.FirstBugIteration!.Value;
        TestContext.Out.WriteLine($"{strategy}: bug at iteration {found}");

        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug.Message));

        if (strategy == StrategyKind.Dfs)
        {
            // Depth-first search meets the race only after many clean schedules, each of which built the codec.
            Assert.That(found, Is.GreaterThanOrEqualTo(50));
        }
        else
        {
            var alone = Workload.Explore(Buggy, configuration with { FirstIteration = found - 1, Iterations = 1 });
            Assert.That(alone.FirstBugIteration, Is.EqualTo(found));
            Assert.That(alone.Trace!.Steps, Is.EqualTo(report.Trace!.Steps));
        }
    }
}
