using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Testing;

/// <summary>
/// Shrinks a failing schedule to fewer preemptions before it is reported, so the trace and the
/// lanes show only the context switches the bug needs. Greedy: for each preemption, from the last
/// one back, replay the schedule up to it and let the preempted operation keep running instead,
/// then either follow the old schedule where it still can or never preempt again; keep the result
/// when the same kind of bug happens with fewer preemptions, and start over from the new schedule.
/// Deterministic, and bounded in attempts and in steps replayed (a long schedule — 40,000 steps of a
/// 2 × 10,000 lost update — would otherwise cost a minute of replays for a handful of preemptions).
/// </summary>
internal static class ScheduleMinimizer
{
    public static IterationOutcome Minimize(ControlledScheduler scheduler, Action entry, IterationOutcome failing, int maxAttempts = 200, Action? beforeIteration = null, long maxReplayedSteps = 2_000_000)
    {
        var best = failing;
        int attempts = 0;
        long replayed = 0;
        bool improved = true;
        while (improved && attempts < maxAttempts && replayed < maxReplayedSteps && best.Preemptions > 0)
        {
            improved = false;
            var steps = best.Schedule;
            for (int i = steps.Count - 1; i >= 0 && attempts < maxAttempts && replayed < maxReplayedSteps; i--)
            {
                var step = steps[i];
                if (step.IsDataChoice || step.Next == step.By || step.Kind == SchedulingPointKind.Complete)
                {
                    continue;
                }

                foreach (bool guided in (bool[])[true, false])
                {
                    attempts++;
                    var strategy = new NonPreemptiveSuffixStrategy(steps, prefix: i, guided);
                    strategy.PrepareIteration(0);
                    scheduler.Use(strategy);
                    beforeIteration?.Invoke();
                    var candidate = scheduler.RunIteration(entry, keepSchedule: true);
                    replayed += candidate.Steps;
                    if (candidate.Divergence is null && candidate.Bug?.Kind == best.Bug?.Kind && candidate.Preemptions < best.Preemptions)
                    {
                        best = candidate;
                        improved = true;
                        break;
                    }
                }

                if (improved)
                {
                    break;
                }
            }
        }

        return best;
    }
}
