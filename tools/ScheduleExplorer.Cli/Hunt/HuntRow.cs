using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Hunt;

/// <summary>One line of the hunt table: an exploration or a replay, and whether it went as expected.</summary>
internal sealed record HuntRow
{
    /// <summary>The strategy label of replay rows.</summary>
    public const string ReplayLabel = "replay";

    /// <summary>"Type.Method".</summary>
    public required string Workload { get; init; }

    /// <summary>"random", "pct" or "replay".</summary>
    public required string Strategy { get; init; }

    /// <summary>Whether a bug is expected (a replay expects its trace's bug again).</summary>
    public required bool ExpectBug { get; init; }

    /// <summary>"bug (Deadlock)", "no bug", "reproduced (Deadlock)", "diverged", ….</summary>
    public required string Result { get; init; }

    /// <summary>Whether the row went as expected.</summary>
    public required bool Matches { get; init; }

    /// <summary>Whether the run could not test the workload (never a match: neither expectation was checked).</summary>
    public bool CouldNotTest { get; init; }

    /// <summary>Iterations to the bug, or iterations run.</summary>
    public required int Iterations { get; init; }

    /// <summary>Time of the exploration or replay.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The trace written or replayed, if any.</summary>
    public string? TracePath { get; init; }

    /// <summary>The bug or divergence message, shown under the table when the row does not match.</summary>
    public string? Detail { get; init; }

    /// <summary>The row of an exploration.</summary>
    public static HuntRow FromRun(HuntCase huntCase, string strategy, TestReport report) => new()
    {
        Workload = huntCase.Workload,
        Strategy = strategy,
        ExpectBug = huntCase.ExpectBug,
        Result = report.Verdict switch
        {
            Verdict.Bug => $"bug ({report.Bug!.Kind})",
            Verdict.CouldNotTest => CouldNotTestResult,
            _ => "no bug",
        },
        Matches = report.Verdict != Verdict.CouldNotTest && report.BugFound == huntCase.ExpectBug,
        CouldNotTest = report.Verdict == Verdict.CouldNotTest,
        Iterations = report.FirstBugIteration ?? report.Iterations,
        Elapsed = report.Elapsed,
        TracePath = report.TracePath,
        Detail = report.Bug is { } found ? $"{found.Kind}: {found.Message}"
            : report.CouldNotTest is { } couldNotTest ? couldNotTest.Summary
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no bug in {report.Iterations:N0} iterations"),
    };

    /// <summary>The result cell of a run that could not test its workload.</summary>
    public const string CouldNotTestResult = "could not test";

    /// <summary>The row of the replay of <paramref name="tracePath"/>, which recorded a bug.</summary>
    public static HuntRow FromReplay(HuntCase huntCase, string tracePath, TestReport replay)
    {
        bool reproduced = replay.BugFound && replay.Divergence is null;
        bool couldNotTest = replay.Verdict == Verdict.CouldNotTest;
        return new HuntRow
        {
            Workload = huntCase.Workload,
            Strategy = ReplayLabel,
            ExpectBug = true,
            Result = reproduced ? $"reproduced ({replay.Bug!.Kind})" : couldNotTest ? CouldNotTestResult : replay.Divergence is not null ? "diverged" : "not reproduced",
            Matches = reproduced,
            CouldNotTest = couldNotTest,
            Iterations = replay.Iterations,
            Elapsed = replay.Elapsed,
            TracePath = tracePath,
            Detail = replay.CouldNotTest?.Summary ?? replay.Divergence ?? (replay.Bug is { } bug ? $"{bug.Kind}: {bug.Message}" : "the replay ended without a bug"),
        };
    }
}
