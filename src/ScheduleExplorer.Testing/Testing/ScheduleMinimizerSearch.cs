using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Testing;

/// <summary>
/// The second half of minimization, for small schedules: iterative preemption bounding. Level k runs
/// every schedule with at most k preemptions (<see cref="PreemptionBoundedStrategy"/>), k = 0, 1, …
/// up to the preemptions of the schedule found so far; the first level that shows the same bug gives
/// the fewest preemptions, and the rest of that level, with runs cut once they are no shorter, gives
/// the shortest schedule at that count. Every level below it searched to its end is the proof.
/// </summary>
internal static class ScheduleMinimizerSearch
{
    public static (IterationOutcome Outcome, bool Proven) Search(ScheduleMinimizerRuns runs, IterationOutcome best, MinimizationBudget budget)
    {
        if (best.Steps > budget.SearchMaxScheduleSteps)
        {
            return (best, false);
        }

        int runLimit = runs.Count + budget.SearchRuns;
        long stepLimit = runs.Steps + budget.SearchSteps;
        // No schedule with fewer than this many preemptions shows the bug: every level below ran to its end.
        int ruledOut = 0;
        for (int bound = 0; bound <= best.Preemptions; bound++)
        {
            var level = SearchLevel(runs, best, bound, runLimit, stepLimit);
            best = level.Best;
            if (!level.Complete || best.Preemptions <= bound)
            {
                break;
            }

            ruledOut = bound + 1;
        }

        return (best, ruledOut >= best.Preemptions);
    }

    /// <summary>
    /// Runs the schedules with at most <paramref name="bound"/> preemptions, keeping a failing one better
    /// than <paramref name="best"/>; complete when every one of them ran. Until the level shows the bug,
    /// every exhaustive run is followed by a random one within the same bound: the exhaustive order
    /// reaches a failing schedule whose first switch is early only after the whole subtree below a
    /// late one, a random one may hit it at once, and the proof rests on the exhaustive runs alone.
    /// </summary>
    private static (IterationOutcome Best, bool Complete) SearchLevel(ScheduleMinimizerRuns runs, IterationOutcome best, int bound, int runLimit, long stepLimit)
    {
        var exhaustive = new PreemptionBoundedStrategy(bound);
        var sampling = new PreemptionSamplingStrategy(bound, Math.Max(1, best.Steps), seed: (ulong)bound);
        bool found = best.Preemptions <= bound;
        bool complete = true;
        for (int iteration = 0; ; iteration++)
        {
            if (!runs.Within(runLimit, stepLimit))
            {
                return (best, false);
            }

            // A level that already holds the bug only looks for a shorter schedule.
            exhaustive.StepCap = found ? best.Steps : null;
            if (!exhaustive.PrepareIteration(iteration))
            {
                break;
            }

            bool same = runs.Run(exhaustive, out var outcome);
            complete &= !outcome.StepBoundReached;
            if (same && IsBetter(outcome, best))
            {
                best = outcome;
                found = true;
            }

            if (!found && bound > 0 && runs.Within(runLimit, stepLimit))
            {
                sampling.PrepareIteration(iteration);
                if (runs.Run(sampling, out var sampled) && IsBetter(sampled, best))
                {
                    best = sampled;
                    found = true;
                }
            }
        }

        return (best, complete && !exhaustive.Nondeterministic);
    }

    private static bool IsBetter(IterationOutcome candidate, IterationOutcome best) =>
        candidate.Preemptions < best.Preemptions || (candidate.Preemptions == best.Preemptions && candidate.Steps < best.Steps);
}
