using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Testing;

/// <summary>
/// The second half of minimization, for small schedules: iterative preemption bounding. Level k runs
/// every schedule with at most k preemptions (<see cref="PreemptionBoundedStrategy"/>), k = 0, 1, …
/// up to the preemptions of the best schedule so far; a level run to its end without the bug rules
/// its count out, and the first level that shows the bug gives the fewest preemptions, proven. The rest
/// of that level, with runs cut once they are no shorter, looks for the shortest schedule at that count
/// (within <see cref="MinimizationBudget.ShortenRuns"/> runs once the count is proven).
/// Each exhaustive run is followed, while the level has not shown the bug, by a random run within
/// k (mostly) or more, up to one preemption fewer than the best (<see cref="PreemptionSamplingStrategy"/>):
/// depth-first order reaches a failing schedule whose first switch is early only after the
/// whole subtree below a late one, and a random run may hit it at once. What the random runs find
/// lowers the best without proof; the proof rests on the exhaustive levels alone.
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
        // No schedule with fewer preemptions than this shows the bug: every level below ran to its end.
        int ruledOut = 0;
        int level = 0;
        var exhaustive = new PreemptionBoundedStrategy(level);
        bool levelComplete = true;
        int sampled = 0;
        bool shortening = false;
        for (int iteration = 0; runs.Within(runLimit, stepLimit); iteration++)
        {
            // A level that holds the bug only looks for a shorter schedule, with a few runs once the count is proven.
            bool found = best.Preemptions <= level;
            if (found && ruledOut >= best.Preemptions && !shortening)
            {
                shortening = true;
                runLimit = Math.Min(runLimit, runs.Count + budget.ShortenRuns);
            }

            exhaustive.StepCap = found ? best.Steps : null;
            if (!exhaustive.PrepareIteration(iteration))
            {
                if (found || !levelComplete || exhaustive.Nondeterministic)
                {
                    break;
                }

                ruledOut = ++level;
                exhaustive = new PreemptionBoundedStrategy(level);
                levelComplete = true;
                iteration = -1;
                continue;
            }

            if (runs.Run(exhaustive, out var outcome) && IsBetter(outcome, best))
            {
                best = outcome;
            }

            levelComplete &= !outcome.StepBoundReached;
            if (!found && runs.Within(runLimit, stepLimit) && Sample(runs, best, level, sampled++) is { } random)
            {
                best = random;
            }
        }

        return (best, ruledOut >= best.Preemptions);
    }

    /// <summary>One random run within a bound from max(1, <paramref name="level"/>) to one below the best; the outcome when it is better.</summary>
    private static IterationOutcome? Sample(ScheduleMinimizerRuns runs, IterationOutcome best, int level, int sample)
    {
        int lowest = Math.Max(level, 1);
        if (best.Preemptions <= lowest)
        {
            return null;
        }

        // Three runs in four at the lowest open bound, where a find is a proven minimum; the fourth higher up.
        int above = best.Preemptions - lowest - 1;
        int bound = sample % 4 != 3 || above == 0 ? lowest : lowest + 1 + (sample / 4 % above);
        var sampler = new PreemptionSamplingStrategy(bound, Math.Max(1, best.Steps), seed: (ulong)bound);
        sampler.PrepareIteration(sample);
        return runs.Run(sampler, out var outcome) && IsBetter(outcome, best) ? outcome : null;
    }

    private static bool IsBetter(IterationOutcome candidate, IterationOutcome best) =>
        candidate.Preemptions < best.Preemptions || (candidate.Preemptions == best.Preemptions && candidate.Steps < best.Steps);
}
