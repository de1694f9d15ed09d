using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Tests.Runtime;

namespace ScheduleExplorer.Tests.Strategies;

/// <summary>
/// Preemption-bounded search: every schedule within the bound is run, none beyond it, and the search
/// ends. A lost update needs one preemption between a read and its write: bound 0 never shows it.
/// </summary>
[TestFixture]
public sealed class PreemptionBoundedStrategyTests
{
    private static (HashSet<string> Outcomes, int Schedules, int MostPreemptions) ExploreAll(int bound)
    {
        var strategy = new PreemptionBoundedStrategy(bound);
        using var scheduler = new ControlledScheduler(strategy, new SchedulerOptions { MaxSteps = 10_000 });
        var outcomes = new HashSet<string>();
        int schedules = 0;
        int most = 0;
        for (int iteration = 0; strategy.PrepareIteration(iteration); iteration++)
        {
            string? outcome = null;
            var result = scheduler.RunIteration(() => outcome = ManualWorkloads.TwoIncrements());
            Assert.That(result.Divergence, Is.Null);
            outcomes.Add(outcome!);
            most = Math.Max(most, result.Preemptions);
            schedules++;
        }

        Assert.That(strategy.Nondeterministic, Is.False);
        return (outcomes, schedules, most);
    }

    [Test]
    public void BoundZero_RunsOnlySchedulesWithoutPreemption_AndNeverLosesTheUpdate()
    {
        var (outcomes, schedules, most) = ExploreAll(bound: 0);

        Assert.That(most, Is.Zero);
        Assert.That(outcomes, Is.EquivalentTo(new[] { "2" }));
        Assert.That(schedules, Is.GreaterThan(1), "the free choices (who runs when the main flow joins) still branch");
    }

    [Test]
    public void BoundOne_AlsoRunsTheLostUpdate_AndEnds()
    {
        var zero = ExploreAll(bound: 0);
        var one = ExploreAll(bound: 1);

        Assert.That(one.MostPreemptions, Is.EqualTo(1));
        Assert.That(one.Outcomes, Is.EquivalentTo(new[] { "1", "2" }));
        Assert.That(one.Schedules, Is.GreaterThan(zero.Schedules));
    }

    [Test]
    public void StepCap_CutsRunsThatReachIt()
    {
        var strategy = new PreemptionBoundedStrategy(bound: 0) { StepCap = 3 };
        using var scheduler = new ControlledScheduler(strategy, new SchedulerOptions { MaxSteps = 10_000 });
        Assert.That(strategy.PrepareIteration(0), Is.True);

        var result = scheduler.RunIteration(() => ManualWorkloads.TwoIncrements());

        Assert.That(result.Divergence, Does.Contain("no shorter"));
    }
}
