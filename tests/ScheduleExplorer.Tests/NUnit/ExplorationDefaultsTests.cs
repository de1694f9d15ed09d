using ScheduleExplorer.NUnit;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.NUnit;

/// <summary>Budgets from the environment: a nightly raises them without a code change.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ExplorationDefaultsTests
{
    private static readonly string[] s_variables = ["SCHEDEX_ITERATIONS", "SCHEDEX_STRATEGY", "SCHEDEX_TIME_BUDGET"];
    private readonly Dictionary<string, string?> _saved = [];

    [SetUp]
    public void Save()
    {
        foreach (string variable in s_variables)
        {
            _saved[variable] = Environment.GetEnvironmentVariable(variable);
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [TearDown]
    public void Restore()
    {
        foreach (var (variable, value) in _saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }

    [Test]
    public void Defaults_WithoutTheEnvironment_AreOneIterationCountAndStrategyEverywhere()
    {
        var attribute = new ExploreSchedulesAttribute();
        Assert.Multiple(() =>
        {
            Assert.That(attribute.Iterations, Is.EqualTo(TestConfiguration.DefaultIterations));
            Assert.That(new TestConfiguration().Iterations, Is.EqualTo(TestConfiguration.DefaultIterations));
            Assert.That(attribute.Strategy, Is.EqualTo(StrategyKind.Portfolio).And.EqualTo(new TestConfiguration().Strategy), "one default strategy everywhere");
            Assert.That(attribute.TimeBudgetSeconds, Is.Zero);
        });
    }

    [Test]
    public void Environment_SetsTheDefaultsAndRaisesSmallerIterationCounts()
    {
        Environment.SetEnvironmentVariable("SCHEDEX_ITERATIONS", "50000");
        Environment.SetEnvironmentVariable("SCHEDEX_STRATEGY", "pct");
        Environment.SetEnvironmentVariable("SCHEDEX_TIME_BUDGET", "120");
        Assert.Multiple(() =>
        {
            Assert.That(new ExploreSchedulesAttribute().Iterations, Is.EqualTo(50_000));
            Assert.That(new ExploreSchedulesAttribute { Iterations = 300 }.Iterations, Is.EqualTo(50_000), "raised");
            Assert.That(new ExploreSchedulesAttribute { Iterations = 90_000 }.Iterations, Is.EqualTo(90_000), "never lowered");
            Assert.That(new ExploreSchedulesAttribute().Strategy, Is.EqualTo(StrategyKind.Pct));
            Assert.That(new ExploreSchedulesAttribute { Strategy = StrategyKind.Dfs }.Strategy, Is.EqualTo(StrategyKind.Dfs), "the test's own strategy wins");
            Assert.That(new ExploreSchedulesAttribute().TimeBudgetSeconds, Is.EqualTo(120));
        });
    }

    [TestCase("pos", "pos")]
    [TestCase("Portfolio", "portfolio")]
    [TestCase(" delay-bounding ", "delay-bounding")]
    public void Environment_NamesAnyRegisteredStrategy(string value, string expected)
    {
        Environment.SetEnvironmentVariable("SCHEDEX_STRATEGY", value);

        Assert.That(new ExploreSchedulesAttribute().Strategy, Is.EqualTo(expected));
    }

    [TestCase("SCHEDEX_ITERATIONS", "many")]
    [TestCase("SCHEDEX_ITERATIONS", "0")]
    [TestCase("SCHEDEX_STRATEGY", "fastest")]
    [TestCase("SCHEDEX_TIME_BUDGET", "-3")]
    public void Environment_ABadValue_NamesTheVariable(string variable, string value)
    {
        Environment.SetEnvironmentVariable(variable, value);
        var attribute = new ExploreSchedulesAttribute();
        var e = Assert.Throws<ArgumentException>(() => _ = (attribute.Iterations, attribute.Strategy, attribute.TimeBudgetSeconds));
        Assert.That(e!.Message, Does.StartWith($"{variable}='{value}'"));
    }
}
