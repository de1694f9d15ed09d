using NUnit.Framework.Internal;
using ScheduleExplorer.Detection;
using ScheduleExplorer.NUnit;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.NUnit;

/// <summary>
/// What NUnit users see: a failing schedule's message is its own assertion's (not "Multiple failures"
/// gathered from minimization's re-runs), the explored assertions never leak into the calling test's
/// result, and exploration and replay tests carry categories CI can filter on.
/// </summary>
[TestFixture]
public sealed class NUnitResultTests
{
    [Test]
    public void AFailingSchedule_ReportsItsOwnAssertion_NotMultipleFailuresFromTheReRuns()
    {
        // Twice: what the first exploration's failing iterations record must not reach the second's message.
        ControlledTest.Explore(typeof(RacyCounter), nameof(RacyCounter.TwoIncrements_CountTwo), new TestConfiguration { Iterations = 500, Strategy = StrategyKind.Pct });
        var report = ControlledTest.Explore(typeof(RacyCounter), nameof(RacyCounter.TwoIncrements_CountTwo), new TestConfiguration { Iterations = 500, Strategy = StrategyKind.Pct, Seed = 7 });

        Assert.That(report.Bug, Is.Not.Null, "the lost update is found");
        Assert.That(report.Bug!.Kind, Is.EqualTo(BugKind.AssertionFailure));
        Assert.That(report.Bug.Message, Does.Contain("Assert.That(_count, Is.EqualTo(2))").And.Not.Contain("Multiple failures"));
        Assert.That(TestExecutionContext.CurrentContext.CurrentResult.AssertionResults, Is.Empty, "the explored test's failed assertions stay in their iteration");
    }

    [Test]
    public void ExplorationAndReplayTests_CarryTheirCategories()
    {
        var explored = typeof(ExploreSchedulesTests).GetMethod(nameof(ExploreSchedulesTests.LockedDeposits_KeepEveryUpdate))!;
        var test = new TestMethod(new MethodWrapper(typeof(ExploreSchedulesTests), explored));
        new ExploreSchedulesAttribute().ApplyToTest(test);
        new ExploreSchedulesAttribute().ApplyToTest(test);

        Assert.That(test.Properties["Category"], Is.EqualTo(new[] { ExploreSchedulesAttribute.Category }), "once, however often applied");

        var replay = new TestMethod(new MethodWrapper(typeof(ExploreSchedulesTests), explored));
        new ReplayTraceAttribute("traces/x.json").ApplyToTest(replay);
        Assert.That(replay.Properties["Category"], Does.Contain(ReplayTraceAttribute.Category));
    }

    /// <summary>Not a test of its own: the racy code the first test explores.</summary>
    public sealed class RacyCounter
    {
        private int _count;

        public void TwoIncrements_CountTwo()
        {
            var threads = new[] { new Thread(() => _count++), new Thread(() => _count++) };
            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            Assert.That(_count, Is.EqualTo(2));
        }
    }
}
