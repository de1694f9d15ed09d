using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Testing;

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
    public void ThePortfolio_RotatesItsMembers_DeterministicallyFromTheSeed()
    {
        string[] Rotation(ulong seed)
        {
            var portfolio = StrategyRegistry.Create("portfolio", seed);
            return [.. Enumerable.Range(0, 24).Select(i => { portfolio.PrepareIteration(i); return portfolio.Name; })];
        }

        var rotation = Rotation(4);
        Assert.That(Rotation(4), Is.EqualTo(rotation));
        Assert.That(rotation.Distinct().Count(), Is.EqualTo(7), "every member explores some iterations");
        Assert.That(rotation.Count(name => name == "portfolio rff"), Is.EqualTo(12), "rff explores every other iteration");
        Assert.That(rotation.Skip(12), Is.EqualTo(rotation.Take(12)), "the rotation repeats");
        Assert.That(Enumerable.Range(0, 8).Select(s => Rotation((ulong)s)[0]).Distinct().Count(), Is.GreaterThan(1), "the seed picks where the rotation starts");
        Assert.That(rotation, Has.All.StartWith("portfolio "));
    }

    private static string NameAfterPrepare(ISchedulingStrategy strategy)
    {
        strategy.PrepareIteration(0);
        return strategy.Name;
    }
}
