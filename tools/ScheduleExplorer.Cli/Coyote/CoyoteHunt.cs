using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Cli.Hunt;
using ScheduleExplorer.Coyote;

namespace ScheduleExplorer.Cli.Coyote;

/// <summary>
/// <c>schedex hunt --engine coyote</c>: the hunt plan under Coyote's random and prioritization
/// strategies, each bug's Coyote trace replayed with Coyote's replay, printed as the same table.
/// A row that does not match shows where Coyote differs (a race it does not explore, a trace it
/// cannot replay), so the exit code follows the table as for ScheduleExplorer.
/// </summary>
internal sealed class CoyoteHunt
{
    private static readonly CoyoteStrategy[] s_strategies = [CoyoteStrategy.Random, CoyoteStrategy.Prioritization];
    private readonly CliConsole _console;

    /// <summary>Creates the hunt, writing to <paramref name="console"/>.</summary>
    public CoyoteHunt(CliConsole console) => _console = console;

    /// <summary>Runs the plan against <paramref name="assembly"/>; returns the exit code.</summary>
    public int Run(string assembly, CoyoteTestConfiguration configuration, LogLevel level)
    {
        var table = new HuntTable(_console.Out, HuntPlan.Cases.Select(c => c.Workload), s_strategies.Select(CoyoteTestingEngine.StrategyName));
        var rows = new List<HuntRow>();
        var stopwatch = Stopwatch.StartNew();
        using (ILoggerFactory loggers = CliLogging.Create(level))
        {
            foreach (HuntCase huntCase in HuntPlan.Cases)
            {
                foreach (CoyoteStrategy strategy in s_strategies)
                {
                    var engine = CoyoteTestingEngine.Create(configuration with { Strategy = strategy }, assembly, huntCase.Workload, loggers);
                    CoyoteTestReport report = engine.Run();
                    rows.Add(Write(table, FromRun(huntCase, report)));
                    if (report.TracePath is { } path)
                    {
                        rows.Add(Write(table, FromReplay(huntCase, path, engine.Replay(File.ReadAllText(path)))));
                    }
                }
            }
        }

        _console.Out.WriteLine(HuntTable.Footer(rows, stopwatch.Elapsed));
        return rows.TrueForAll(r => r.Matches) ? ExitCodes.NoBug : ExitCodes.BugFound;
    }

    private static HuntRow Write(HuntTable table, HuntRow row)
    {
        table.Write(row);
        return row;
    }

    private static HuntRow FromRun(HuntCase huntCase, CoyoteTestReport report) => new()
    {
        Workload = huntCase.Workload,
        Strategy = report.Strategy,
        ExpectBug = huntCase.ExpectBug,
        Result = report.BugFound ? "bug" : "no bug",
        Matches = report.BugFound == huntCase.ExpectBug,
        Iterations = report.FirstBugIteration ?? report.Iterations,
        Elapsed = report.Elapsed,
        TracePath = report.TracePath,
        Detail = report.BugMessage is { } bug ? FirstLine(bug)
            : string.Create(CultureInfo.InvariantCulture, $"no bug in {report.Iterations:N0} iterations"),
    };

    private static HuntRow FromReplay(HuntCase huntCase, string path, CoyoteTestReport replay) => new()
    {
        Workload = huntCase.Workload,
        Strategy = HuntRow.ReplayLabel,
        ExpectBug = true,
        Result = replay.BugFound ? "reproduced" : "not reproduced",
        Matches = replay.BugFound,
        Iterations = replay.Iterations,
        Elapsed = replay.Elapsed,
        TracePath = path,
        Detail = replay.BugFound ? FirstLine(replay.BugMessage!) : "Coyote's replay of its own trace ended without the bug",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();
}
