using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Testing;

/// <summary>
/// Shrinks a failing schedule to fewer preemptions before it is reported, so the trace and the
/// lanes show only the context switches the bug needs. A deadlock on a wait-for cycle is first tried
/// with schedules built from the cycle, one preemption each (<see cref="ScheduleMinimizerCycles"/>).
/// A greedy pass then cuts preemptions off the end (<see cref="ScheduleMinimizerSuffixes"/>). The schedule is then replayed as a
/// <see cref="SchedulePlan"/> (each preemption named by the preempted operation's own point, so it
/// stays put when others move); then delta debugging over the set of preemptions (ddmin: drop
/// halves, quarters, … down to single preemptions) keeps every smaller set that still shows the
/// same bug, until no single preemption can go — a 1-minimal schedule. A 1-minimal set is not always
/// the fewest (dropping one preemption of two may need a third elsewhere), so a small schedule is
/// then searched by preemption bound (<see cref="ScheduleMinimizerSearch"/>): every schedule with 0,
/// 1, … preemptions, up to the count found, the shortest kept. A level searched to its end without
/// the bug proves the count minimal. Deterministic, and bounded in runs and in steps replayed (a long
/// schedule — 40,000 steps of a 2 × 10,000 lost update — would otherwise cost a minute of replays).
/// </summary>
internal static class ScheduleMinimizer
{
    public static MinimizedSchedule Minimize(ControlledScheduler scheduler, Action entry, IterationOutcome failing, Action? beforeIteration = null, MinimizationBudget? budget = null)
    {
        budget ??= MinimizationBudget.Default;
        if (failing.Bug is null)
        {
            return new MinimizedSchedule(failing, Minimality.Proven, Runs: 0);
        }

        var runs = new ScheduleMinimizerRuns(scheduler, entry, failing.Bug, beforeIteration);
        var best = failing;
        bool oneMinimal = true;
        best = ScheduleMinimizerCycles.Shrink(runs, best, budget.CycleRuns);
        if (best.Preemptions > 0)
        {
            best = ScheduleMinimizerSuffixes.Shrink(runs, best, budget.SuffixRuns, budget.SuffixSteps);
        }

        if (best.Preemptions > 0)
        {
            (best, oneMinimal) = DeltaDebug(runs, best, budget);
        }

        if (best.Preemptions == 0)
        {
            return new MinimizedSchedule(best, Minimality.Proven, runs.Count);
        }

        var searched = ScheduleMinimizerSearch.Search(runs, best, budget);
        var minimality = searched.Proven ? Minimality.Proven : oneMinimal && searched.Outcome.Preemptions == best.Preemptions ? Minimality.OneMinimal : Minimality.Unproven;
        return new MinimizedSchedule(searched.Outcome, minimality, runs.Count);
    }

    /// <summary>ddmin over the preemptions; true with the result when it ran to its end (1-minimal).</summary>
    private static (IterationOutcome Best, bool Complete) DeltaDebug(ScheduleMinimizerRuns runs, IterationOutcome failing, MinimizationBudget budget)
    {
        int runLimit = runs.Count + budget.DeltaDebugRuns;
        long stepLimit = runs.Steps + budget.DeltaDebugSteps;
        var recorder = PlannedScheduleStrategy.Following(failing.Schedule);
        if (!runs.TryRun(recorder, out _))
        {
            return (failing, false);
        }

        var plan = recorder.Recorded;
        var best = failing;
        int granularity = 1;
        while (plan.Preemptions.Count > 0)
        {
            if (!runs.Within(runLimit, stepLimit))
            {
                return (best, false);
            }

            var preemptions = plan.Preemptions;
            granularity = Math.Min(granularity, preemptions.Count);
            bool reduced = false;
            for (int chunk = 0; chunk < granularity && runs.Within(runLimit, stepLimit); chunk++)
            {
                var strategy = PlannedScheduleStrategy.Running(plan.With(Without(preemptions, chunk, granularity)));
                if (runs.TryRun(strategy, out var candidate) && candidate.Preemptions < best.Preemptions)
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

        return (best, true);
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
}
