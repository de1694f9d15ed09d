using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Tests.Runtime;

namespace ScheduleExplorer.Tests.Strategies;

/// <summary>Random schedules within a preemption bound: never more preemptions, the bug within reach, the same schedules from the same seed.</summary>
[TestFixture]
public sealed class PreemptionSamplingStrategyTests
{
    private static List<(string Outcome, int Preemptions, string Schedule)> Sample(int bound, ulong seed)
    {
        var strategy = new PreemptionSamplingStrategy(bound, length: 20, seed);
        using var scheduler = new ControlledScheduler(strategy, new SchedulerOptions { MaxSteps = 10_000 });
        var runs = new List<(string, int, string)>();
        for (int iteration = 0; iteration < 60 && strategy.PrepareIteration(iteration); iteration++)
        {
            string? outcome = null;
            var result = scheduler.RunIteration(() => outcome = ManualWorkloads.TwoIncrements(), keepSchedule: true);
            Assert.That(result.Divergence, Is.Null);
            runs.Add((outcome!, result.Preemptions, string.Join(",", result.Schedule.Select(s => s.Next))));
        }

        return runs;
    }

    [Test]
    public void BoundOne_NeverPreemptsTwice_AndLosesTheUpdateSometimes()
    {
        var runs = Sample(bound: 1, seed: 7);

        Assert.That(runs.Max(r => r.Preemptions), Is.EqualTo(1));
        Assert.That(runs.Select(r => r.Outcome).Distinct(), Is.EquivalentTo(new[] { "1", "2" }));
    }

    [Test]
    public void BoundZero_NeverPreempts()
    {
        Assert.That(Sample(bound: 0, seed: 7).Select(r => r.Preemptions), Is.All.Zero);
    }

    [Test]
    public void SameSeed_SameSchedules()
    {
        var first = Sample(bound: 1, seed: 3).Select(r => r.Schedule).ToList();
        var second = Sample(bound: 1, seed: 3).Select(r => r.Schedule).ToList();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.GreaterThan(1), "the iterations differ from each other");
    }
}
