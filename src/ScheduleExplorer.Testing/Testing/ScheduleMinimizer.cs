using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Testing;

/// <summary>
/// Shrinks a failing schedule to fewer preemptions before it is reported, so the trace and the
/// lanes show only the context switches the bug needs. The schedule is first replayed as a
/// <see cref="SchedulePlan"/> (each preemption named by the preempted operation's own point, so it
/// stays put when others move); then delta debugging over the set of preemptions (ddmin: drop
/// halves, quarters, … down to single preemptions) keeps every smaller set that still shows the
/// same kind of bug, until no single preemption can go — a schedule whose every preemption is needed.
/// Deterministic, and bounded in attempts and in steps replayed (a long schedule — 40,000 steps of a
/// 2 × 10,000 lost update — would otherwise cost a minute of replays for a handful of preemptions).
/// </summary>
internal static class ScheduleMinimizer
{
    public static IterationOutcome Minimize(ControlledScheduler scheduler, Action entry, IterationOutcome failing, int maxAttempts = 200, Action? beforeIteration = null, long maxReplayedSteps = 2_000_000)
    {
        if (failing.Preemptions == 0 || failing.Bug is null)
        {
            return failing;
        }

        var search = new Search(scheduler, entry, failing, beforeIteration, maxAttempts, maxReplayedSteps);
        var recorder = PlannedScheduleStrategy.Following(failing.Schedule);
        if (!search.TryRun(recorder, out _))
        {
            return failing;
        }

        var plan = recorder.Recorded;
        var best = failing;
        int granularity = 1;
        while (plan.Preemptions.Count > 0 && search.HasBudget)
        {
            var preemptions = plan.Preemptions;
            granularity = Math.Min(granularity, preemptions.Count);
            bool reduced = false;
            for (int chunk = 0; chunk < granularity && search.HasBudget; chunk++)
            {
                var strategy = PlannedScheduleStrategy.Running(plan.With(Without(preemptions, chunk, granularity)));
                if (search.TryRun(strategy, out var candidate) && candidate.Preemptions < best.Preemptions)
                {
                    best = candidate;
                    plan = strategy.Recorded;
                    granularity = Math.Max(granularity - 1, 2);
                    reduced = true;
                    break;
                }
            }

            if (!reduced)
            {
                if (granularity >= preemptions.Count)
                {
                    break;
                }

                granularity = Math.Min(granularity * 2, preemptions.Count);
            }
        }

        return best;
    }

    /// <summary>The preemptions but the <paramref name="chunk"/>-th of <paramref name="chunks"/> equal runs of them.</summary>
    private static List<KeyValuePair<PlanPoint, int>> Without(IReadOnlyList<KeyValuePair<PlanPoint, int>> preemptions, int chunk, int chunks)
    {
        int start = preemptions.Count * chunk / chunks;
        int end = preemptions.Count * (chunk + 1) / chunks;
        var kept = new List<KeyValuePair<PlanPoint, int>>(preemptions.Count - (end - start));
        for (int i = 0; i < preemptions.Count; i++)
        {
            if (i < start || i >= end)
            {
                kept.Add(preemptions[i]);
            }
        }

        return kept;
    }

    /// <summary>The runs of one minimization and what they may cost.</summary>
    private sealed class Search(ControlledScheduler scheduler, Action entry, IterationOutcome failing, Action? beforeIteration, int maxAttempts, long maxReplayedSteps)
    {
        private int _attempts;
        private long _replayed;

        public bool HasBudget => _attempts < maxAttempts && _replayed < maxReplayedSteps;

        /// <summary>Runs one iteration under <paramref name="strategy"/>; true when it shows the same kind of bug.</summary>
        public bool TryRun(ISchedulingStrategy strategy, out IterationOutcome outcome)
        {
            _attempts++;
            strategy.PrepareIteration(0);
            scheduler.Use(strategy);
            beforeIteration?.Invoke();
            outcome = scheduler.RunIteration(entry, keepSchedule: true);
            _replayed += outcome.Steps;
            return outcome.Divergence is null && outcome.Bug?.Kind == failing.Bug!.Kind;
        }
    }
}
