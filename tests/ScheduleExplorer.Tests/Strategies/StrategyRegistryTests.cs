using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;
using ScheduleExplorer.Tests.Runtime;

namespace ScheduleExplorer.Tests.Strategies;

[TestFixture]
public sealed class StrategyRegistryTests
{
    [Test]
    public void EveryRegisteredStrategy_IsBuiltUnderItsName()
    {
        foreach (var descriptor in StrategyRegistry.All)
        {
            var strategy = descriptor.Create(new StrategyParameters(Seed: 1, descriptor.DefaultBound == 0 ? 1 : descriptor.DefaultBound));
            Assert.That(strategy.PrepareIteration(0), Is.True, descriptor.Name);
            Assert.That(strategy.Name, Does.StartWith(descriptor.Name), "traces and reports name the strategy");
            Assert.That(descriptor.Description, Is.Not.Empty.And.Not.Contain('\n'));
        }
    }

    [Test]
    public void Names_AreUnique_AndFoundWhateverTheirCase()
    {
        var names = StrategyRegistry.All.Select(d => d.Name).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(names, Is.SupersetOf(new[] { StrategyKind.Random, StrategyKind.Pct, StrategyKind.Pos, StrategyKind.Probabilistic, StrategyKind.DelayBounding, StrategyKind.Portfolio, StrategyKind.Dfs }));
        Assert.That(StrategyRegistry.Find("POS")?.Name, Is.EqualTo("pos"));
        Assert.That(StrategyRegistry.Find("nope"), Is.Null);
    }

    [Test]
    public void AnUnknownName_IsRefused_InOneLine_ListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => new TestConfiguration { Strategy = "fastest" }.Validate())!;

        Assert.That(error.Message, Does.Contain("unknown strategy 'fastest'"));
        foreach (var descriptor in StrategyRegistry.All)
        {
            Assert.That(error.Message, Does.Contain(descriptor.Name));
        }

        Assert.That(error.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void Dfs_CannotBeSharded_ButTheSamplingStrategiesCan()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestConfiguration { Strategy = StrategyKind.Dfs, FirstIteration = 5 }.Validate());
        foreach (var descriptor in StrategyRegistry.All.Where(d => d.Shardable))
        {
            Assert.DoesNotThrow(() => new TestConfiguration { Strategy = descriptor.Name, FirstIteration = 5 }.Validate(), descriptor.Name);
        }
    }

    [Test]
    public void TheBound_DefaultsPerStrategy_AndIsUsedWhenGiven()
    {
        Assert.That(NameAfterPrepare(StrategyRegistry.Create("pct", seed: 1)), Is.EqualTo("pct(10)"));
        Assert.That(NameAfterPrepare(StrategyRegistry.Create("pct", seed: 1, bound: 3)), Is.EqualTo("pct(3)"));
        Assert.That(NameAfterPrepare(StrategyRegistry.Create("probabilistic", seed: 1)), Is.EqualTo("probabilistic(2)"));
        Assert.That(NameAfterPrepare(StrategyRegistry.Create("delay-bounding", seed: 1, bound: 4)), Is.EqualTo("delay-bounding(4)"));
    }

    [Test]
    public void ThePortfolio_IsTheDefault_AndRotatesRandomAndRff()
    {
        Assert.That(new TestConfiguration().Strategy, Is.EqualTo(StrategyKind.Portfolio));
        Assert.That(TestConfiguration.DefaultStrategy, Is.EqualTo(StrategyKind.Portfolio));

        var portfolio = StrategyRegistry.Create("portfolio", seed: 4);
        string[] rotation = [.. Enumerable.Range(0, 12).Select(i => { portfolio.PrepareIteration(i); return portfolio.Name; })];

        Assert.That(rotation.Take(4), Is.EqualTo(new[] { "portfolio random", "portfolio rff", "portfolio rff", "portfolio rff" }));
        Assert.That(rotation.Skip(4).Take(4), Is.EqualTo(rotation.Take(4)), "the rotation repeats");
        Assert.That(rotation.Skip(8), Is.EqualTo(rotation.Take(4)));
    }

    [Test]
    public void ThePortfoliosRff_LearnsFromTheRandomWalks_AndForcesWhatItLearnt()
    {
        var rff = new ReadsFromStrategy(seed: 2, alwaysForce: true);
        var portfolio = new PortfolioStrategy([new RandomStrategy(2), rff], rff);
        using var scheduler = new ControlledScheduler(portfolio, new SchedulerOptions { MaxSteps = 5_000 });

        portfolio.PrepareIteration(0);
        Assert.That(portfolio.Name, Is.EqualTo("portfolio random"));
        scheduler.RunIteration(() => ManualWorkloads.LostUpdate(2, 1, locked: false), keepSchedule: false);

        portfolio.PrepareIteration(1);
        Assert.That(portfolio.Name, Is.EqualTo("portfolio rff"));
        Assert.That(rff.Order, Is.Not.Null, "the conflicts the random walk ran are forced in the next rff iteration");
        Assert.That(rff.Order!.Value.First.Location, Is.EqualTo("Counter.Value"));
    }

    [Test]
    public void UnderTheDefault_ABugNamesTheMemberThatFoundIt_ACleanRunThePortfolio()
    {
        var clean = Workload.Explore("LostUpdate.Locked", new TestConfiguration { Iterations = 6 });
        Assert.That(clean.Strategy, Is.EqualTo("portfolio"));

        var found = Workload.AssertFoundAndReplays("Reorder.Bad(20)", new TestConfiguration { Iterations = 100, Seed = 1 }, BugKind.UnhandledException, "Reordered writes");
        Assert.That(found.Strategy, Is.EqualTo("portfolio rff").Or.EqualTo("portfolio random"));
        Assert.That(found.Trace!.Strategy, Is.EqualTo(found.Strategy), "the trace records the member");
    }

    private static string NameAfterPrepare(ISchedulingStrategy strategy)
    {
        strategy.PrepareIteration(0);
        return strategy.Name;
    }
}
