using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Reports;

/// <summary>
/// The machine-readable result of <c>schedex test --report FILE.json</c>. The property names are a
/// contract with CI scripts: change them only with a new file format.
/// </summary>
internal sealed record RunSummary
{
    /// <summary>Whether a bug was found.</summary>
    public required bool BugFound { get; init; }

    /// <summary>The 1-based iteration of the first bug, or null.</summary>
    public required int? FirstBugIteration { get; init; }

    /// <summary>Iterations run.</summary>
    public required int Iterations { get; init; }

    /// <summary>Wall-clock time of the exploration in seconds.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Scheduling steps over all iterations.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>The first bug, or null.</summary>
    public required RunSummaryBug? Bug { get; init; }

    /// <summary>The full path of the bug's trace file, or null.</summary>
    public required string? Trace { get; init; }

    // Added in the second version of the file, after the fields scripts already read.

    /// <summary>The verdict: "bug", "no bug" or "could not test".</summary>
    public required string Verdict { get; init; }

    /// <summary>Why the run could not test the code, or null.</summary>
    public required RunSummaryCouldNotTest? CouldNotTest { get; init; }

    /// <summary>Iterations cut off by the step bound.</summary>
    public required int StepBoundHits { get; init; }

    /// <summary>Whether a signal (Ctrl-C, SIGTERM) stopped the run before its last iteration (written only when it did).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Interrupted { get; init; }

    // Added in the third version, for `schedex merge` of shard reports (null in older files).

    /// <summary>The test method's full name.</summary>
    public string? Method { get; init; }

    /// <summary>The strategy, such as "pct(10)".</summary>
    public string? Strategy { get; init; }

    /// <summary>The run's seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The first 0-based iteration of the slice this run explored (0 without <c>--shard</c>).</summary>
    public int? FirstIteration { get; init; }

    /// <summary>The iterations the slice was given (its share of <c>--iterations</c>).</summary>
    public int? PlannedIterations { get; init; }

    /// <summary>The full text of the result as the JUnit file holds it: the bug report, or what could not be tested.</summary>
    public string? Text { get; init; }

    /// <summary>The summary of <paramref name="report"/>, a run of <paramref name="plannedIterations"/> iterations from <paramref name="firstIteration"/>.</summary>
    public static RunSummary From(TestReport report, int firstIteration = 0, int? plannedIterations = null, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new RunSummary
        {
            Method = report.Method,
            Strategy = report.Strategy,
            Seed = report.Seed,
            FirstIteration = firstIteration,
            PlannedIterations = plannedIterations,
            Text = text,
            Verdict = VerdictName(report.Verdict),
            Interrupted = report.Interrupted,
            BugFound = report.BugFound,
            CouldNotTest = report.CouldNotTest is { } couldNotTest
                ? new RunSummaryCouldNotTest { Cause = couldNotTest.Cause.ToString(), Message = couldNotTest.Message, Advice = couldNotTest.Advice, Iteration = couldNotTest.Iteration }
                : null,
            StepBoundHits = report.StepBoundHits,
            FirstBugIteration = report.FirstBugIteration,
            Iterations = report.Iterations,
            ElapsedSeconds = Math.Round(report.Elapsed.TotalSeconds, 6),
            TotalSteps = report.TotalSteps,
            Bug = report.Bug is { } bug ? new RunSummaryBug { Kind = bug.Kind.ToString(), Message = bug.Message, Race = bug.Race, Deadlock = bug.Deadlock } : null,
            Trace = report.TracePath is { } path ? Path.GetFullPath(path) : null,
        };
    }

    /// <summary>The verdict as the report and the hunt table spell it.</summary>
    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Testing.Verdict.Bug => "bug",
        Testing.Verdict.CouldNotTest => "could not test",
        _ => "no bug",
    };
}
