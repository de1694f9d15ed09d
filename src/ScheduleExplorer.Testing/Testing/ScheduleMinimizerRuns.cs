using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Testing;

/// <summary>The runs of one minimization: each one iteration under a strategy, counted with the steps it took.</summary>
internal sealed class ScheduleMinimizerRuns(ControlledScheduler scheduler, Action entry, BugReport bug, Action? beforeIteration)
{
    private static readonly IterationOutcome s_notRun = new(null, "the scheduler is broken by an earlier hang", 0, 0, 0, [], StepBoundReached: true, 0, []);

    /// <summary>Runs so far.</summary>
    public int Count { get; private set; }

    /// <summary>Steps run so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Whether another run fits: fewer than <paramref name="runs"/> runs and <paramref name="steps"/> steps so far, and the scheduler still usable.</summary>
    public bool Within(int runs, long steps) => Count < runs && Steps < steps && !scheduler.IsBroken;

    /// <summary>Runs one iteration under <paramref name="strategy"/>; true when it ran to its end and shows the same bug.</summary>
    public bool TryRun(ISchedulingStrategy strategy, out IterationOutcome outcome)
    {
        strategy.PrepareIteration(0);
        return Run(strategy, out outcome);
    }

    /// <summary>Runs one iteration under <paramref name="strategy"/>, already prepared; true when it shows the same bug.</summary>
    public bool Run(ISchedulingStrategy strategy, out IterationOutcome outcome)
    {
        if (scheduler.IsBroken)
        {
            // A hang in an earlier run (a loaded machine, or code that blocks outside control) ended
            // the scheduler: nothing more can be tried, and nothing tried shows the bug or completes a level.
            outcome = s_notRun;
            return false;
        }

        Count++;
        scheduler.Use(strategy);
        beforeIteration?.Invoke();
        outcome = scheduler.RunIteration(entry, keepSchedule: true);
        Steps += outcome.Steps;
        return outcome.Divergence is null && bug.IsSameBug(outcome.Bug);
    }
}
