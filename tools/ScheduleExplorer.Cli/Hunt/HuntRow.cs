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
        Result = report.Bug is { } bug ? $"bug ({bug.Kind})" : "no bug",
        Matches = report.BugFound == huntCase.ExpectBug,
        Iterations = report.FirstBugIteration ?? report.Iterations,
        Elapsed = report.Elapsed,
        TracePath = report.TracePath,
        Detail = report.Bug is { } found ? $"{found.Kind}: {found.Message}" : $"no bug in {report.Iterations:N0} iterations",
    };

    /// <summary>The row of the replay of <paramref name="tracePath"/>, which recorded a bug.</summary>
    public static HuntRow FromReplay(HuntCase huntCase, string tracePath, TestReport replay)
    {
        bool reproduced = replay.BugFound && replay.Divergence is null;
        return new HuntRow
        {
            Workload = huntCase.Workload,
            Strategy = ReplayLabel,
            ExpectBug = true,
            Result = reproduced ? $"reproduced ({replay.Bug!.Kind})" : replay.Divergence is not null ? "diverged" : "not reproduced",
            Matches = reproduced,
            Iterations = replay.Iterations,
            Elapsed = replay.Elapsed,
            TracePath = tracePath,
            Detail = replay.Divergence ?? (replay.Bug is { } bug ? $"{bug.Kind}: {bug.Message}" : "the replay ended without a bug"),
        };
    }
}
