using ScheduleExplorer.Cli.Reports;

namespace ScheduleExplorer.Cli.Merge;

/// <summary>
/// Merges the reports of the shards of one run (<c>schedex test --shard k/n --report …</c>) into the
/// report one machine would have written: the shards are put in iteration order; a single run stops
/// at its first failure (or at the first "could not test" that stops a run), so the merged run is every
/// shard before that one plus that one, and the bug, its iteration, trace and text are that shard's.
/// A data race stops nothing: with no such stop, the first shard's race is the run's bug.
/// </summary>
internal static class ShardMerge
{
    /// <summary>The merged report of <paramref name="shards"/>.</summary>
    /// <exception cref="ArgumentException">The reports are not shards of one run (another method, strategy or seed; a gap or an overlap).</exception>
    public static RunSummary Merge(IReadOnlyList<(string Path, RunSummary Report)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ArgumentException("merge: no report given.");
        }

        var ordered = shards.OrderBy(s => s.Report.FirstIteration ?? 0).ToList();
        Check(ordered);
        var included = new List<RunSummary>();
        foreach (var (_, report) in ordered)
        {
            included.Add(report);
            if (Stops(report))
            {
                break;
            }
        }

        var last = included[^1];
        var first = included[0];
        bool stopped = Stops(last);

        // A race does not stop a run: it is the run's bug only when no later shard failed or stopped.
        var race = stopped ? null : included.FirstOrDefault(r => r.Bug?.Kind == nameof(Detection.BugKind.DataRace));
        var stepBound = stopped || race is not null ? null : included.FirstOrDefault(r => r.CouldNotTest is { Cause: "StepBound" });
        var result = race ?? last;
        return result with
        {
            FirstIteration = first.FirstIteration ?? 0,
            PlannedIterations = ordered.Sum(s => s.Report.PlannedIterations ?? s.Report.Iterations),
            Iterations = included.Sum(r => r.Iterations),
            TotalSteps = included.Sum(r => r.TotalSteps),
            StepBoundHits = included.Sum(r => r.StepBoundHits),
            ElapsedSeconds = Math.Round(included.Sum(r => r.ElapsedSeconds), 6),
            Verdict = stopped || race is not null ? result.Verdict : stepBound?.Verdict ?? "no bug",
            CouldNotTest = stopped || race is not null ? result.CouldNotTest : stepBound?.CouldNotTest,
            Text = stopped || race is not null ? result.Text : stepBound?.Text,
        };
    }

    /// <summary>Whether a single run would have stopped at this shard's result: a failure, or a "could not test" other than the step bound.</summary>
    private static bool Stops(RunSummary report) =>
        (report.Verdict == "bug" && report.Bug?.Kind != nameof(Detection.BugKind.DataRace))
        || report.CouldNotTest is { Cause: not "StepBound" };

    /// <summary>The JUnit test case of a report: failed with the bug report, skipped with what could not be tested, or passed.</summary>
    public static JUnitReport.Case JUnitCase(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var (className, name) = JUnitReport.Split(summary.Method ?? "unknown");
        return new JUnitReport.Case(
            className,
            name,
            TimeSpan.FromSeconds(summary.ElapsedSeconds),
            summary.Bug?.Message,
            summary.BugFound ? summary.Text : null,
            summary.CouldNotTest is { } couldNotTest ? summary.Text ?? $"Could not test: {couldNotTest.Message} — {couldNotTest.Advice}" : null);
    }

    private static void Check(IReadOnlyList<(string Path, RunSummary Report)> ordered)
    {
        var (firstPath, head) = ordered[0];
        if (head.Method is null || head.FirstIteration is null || head.PlannedIterations is null)
        {
            throw new ArgumentException($"merge: {firstPath} has no method or slice (written by an older schedex): rerun the shard.");
        }

        if (head.FirstIteration != 0)
        {
            throw new ArgumentException($"merge: the first shard given ({firstPath}) starts at iteration {head.FirstIteration + 1}: a shard is missing (the one starting at iteration 1).");
        }

        int expected = 0;
        foreach (var (path, report) in ordered)
        {
            if (report.Method != head.Method || report.Strategy != head.Strategy || report.Seed != head.Seed)
            {
                throw new ArgumentException($"merge: {path} is a run of {report.Method} ({report.Strategy}, seed {report.Seed}), not of {head.Method} ({head.Strategy}, seed {head.Seed}) like {firstPath}.");
            }

            if (report.FirstIteration != expected || report.PlannedIterations is null)
            {
                throw new ArgumentException($"merge: {path} starts at iteration {report.FirstIteration + 1}, but the shards before it end at iteration {expected}: a shard is missing or given twice.");
            }

            expected += report.PlannedIterations.Value;
        }
    }
}
