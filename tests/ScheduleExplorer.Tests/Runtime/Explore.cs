using ScheduleExplorer.Controlled;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>Exhaustive DFS over a small program written directly against the shims (no rewriting).</summary>
internal static class Explore
{
    /// <summary>Every schedule of <paramref name="scenario"/>, stopping at the first bug or divergence.</summary>
    public static (int Schedules, IterationOutcome? Failure, long MaxVirtualTime) All(Action scenario, int maxSchedules = 200_000)
    {
        var strategy = new DfsStrategy();
        using var scheduler = new ControlledScheduler(strategy, new SchedulerOptions { MaxSteps = 5_000, FailOnMaxSteps = true });
        int schedules = 0;
        long maxTime = 0;
        for (int iteration = 0; strategy.PrepareIteration(iteration) && iteration < maxSchedules; iteration++)
        {
            var outcome = scheduler.RunIteration(scenario);
            schedules++;
            maxTime = Math.Max(maxTime, outcome.VirtualTimeMilliseconds);
            if (outcome.Bug is not null || outcome.Divergence is not null)
            {
                return (schedules, outcome, maxTime);
            }
        }

        return (schedules, null, maxTime);
    }

    /// <summary>Asserts that <paramref name="scenario"/> holds in every one of its (several) schedules; returns how many.</summary>
    public static int HoldsEverywhere(Action scenario)
    {
        var (schedules, failure, _) = All(scenario);
        Assert.That(failure, Is.Null, failure?.Bug?.Message ?? failure?.Divergence);
        Assert.That(schedules, Is.GreaterThan(1), "the number of schedules the scenario has");
        return schedules;
    }

    public static Thread Start(Action body)
    {
        var thread = ControlledThread.Create(() => body());
        ControlledThread.Start(thread);
        return thread;
    }

    /// <summary>A shared write the scheduler can interleave (what a rewritten field write would be).</summary>
    public static void Step(string location = "shared") => ControlledMemory.Write(location, "t:1");
}
