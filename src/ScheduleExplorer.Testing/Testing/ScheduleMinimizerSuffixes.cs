using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Testing;

/// <summary>
/// The first pass of minimization, greedy and cheap: for each preemption, from the last one back,
/// replay the schedule up to it and let the preempted operation keep running instead, then either
/// follow the old schedule where it still can or never preempt again
/// (<see cref="NonPreemptiveSuffixStrategy"/>); keep the result when the same bug happens with fewer
/// preemptions, and start over from it. It drops runs of preemptions that delta debugging, which keeps
/// the other preemptions where they were, cannot drop one at a time (five philosophers found with
/// nine preemptions, each needed where the others stand).
/// </summary>
internal static class ScheduleMinimizerSuffixes
{
    public static IterationOutcome Shrink(ScheduleMinimizerRuns runs, IterationOutcome failing, int maxRuns, long maxSteps)
    {
        int runLimit = runs.Count + maxRuns;
        long stepLimit = runs.Steps + maxSteps;
        var best = failing;
        bool improved = true;
        while (improved && best.Preemptions > 0)
        {
            improved = false;
            var steps = best.Schedule;
            for (int i = steps.Count - 1; i >= 0 && !improved && runs.Within(runLimit, stepLimit); i--)
            {
                var step = steps[i];
                if (step.IsDataChoice || step.Next == step.By || step.Kind == SchedulingPointKind.Complete)
                {
                    continue;
                }

                foreach (bool guided in (bool[])[true, false])
                {
                    if (runs.TryRun(new NonPreemptiveSuffixStrategy(steps, prefix: i, guided), out var candidate) && candidate.Preemptions < best.Preemptions)
                    {
                        best = candidate;
                        improved = true;
                        break;
                    }
                }
            }
        }

        return best;
    }
}
