using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ScheduleExplorer.Cli.Hunt;
using ScheduleExplorer.Coyote;

namespace ScheduleExplorer.Cli.Coyote;

/// <summary>
/// <c>schedex hunt --engine coyote</c>: the hunt plan under Coyote's random and prioritization
/// strategies, each bug's Coyote trace replayed with Coyote's replay, printed as the same table.
/// A row that does not match shows where Coyote differs (a race it does not explore, a trace it
/// cannot replay), so the exit code follows the table as for ScheduleExplorer. Each exploration and
/// replay runs in a child <c>schedex</c> (see <see cref="CoyoteChild"/>), so one that ends its process
/// is a failed row.
/// </summary>
internal sealed partial class CoyoteHunt
{
    private static readonly CoyoteStrategy[] s_strategies = [CoyoteStrategy.Random, CoyoteStrategy.Prioritization];
    private readonly CliConsole _console;

    /// <summary>Creates the hunt, writing to <paramref name="console"/>.</summary>
    public CoyoteHunt(CliConsole console) => _console = console;

    /// <summary>Runs the plan against <paramref name="assembly"/>; returns the exit code.</summary>
    public int Run(string assembly, CoyoteTestConfiguration configuration)
    {
        var table = new HuntTable(_console.Out, HuntPlan.Cases.Select(c => c.Workload), s_strategies.Select(CoyoteTestingEngine.StrategyName));
        var rows = new List<HuntRow>();
        var stopwatch = Stopwatch.StartNew();
        foreach (HuntCase huntCase in HuntPlan.Cases)
        {
            foreach (CoyoteStrategy strategy in s_strategies)
            {
                HuntRow run = Write(table, Explore(assembly, huntCase, configuration, strategy));
                rows.Add(run);
                if (run.TracePath is { } trace)
                {
                    rows.Add(Write(table, Replay(assembly, huntCase, trace)));
                }
            }
        }

        _console.Out.WriteLine(HuntTable.Footer(rows, stopwatch.Elapsed));
        return rows.TrueForAll(r => r.Matches) ? ExitCodes.NoBug : ExitCodes.BugFound;
    }

    private static HuntRow Explore(string assembly, HuntCase huntCase, CoyoteTestConfiguration configuration, CoyoteStrategy strategy)
    {
        string name = CoyoteTestingEngine.StrategyName(strategy);
        var arguments = new List<string>
        {
            "test", assembly, "--method", huntCase.Workload, "--engine", CoyoteOptions.CoyoteEngine, "--coyote-strategy", name,
            "-i", Invariant(configuration.Iterations), "--seed", Invariant(configuration.Seed), "-v", "quiet",
        };
        if (configuration.TracesDirectory is { } traces)
        {
            arguments.AddRange(["-o", traces]);
        }

        if (configuration.MemoryAccessRaces)
        {
            arguments.Add("--memory-access-races");
        }

        var stopwatch = Stopwatch.StartNew();
        CoyoteChild.Result child = CoyoteChild.Run(arguments, ChildTimeout(configuration));
        TimeSpan elapsed = stopwatch.Elapsed;
        string[] lines = Lines(child.Out);
        var row = new HuntRow
        {
            Workload = huntCase.Workload, Strategy = name, ExpectBug = huntCase.ExpectBug,
            Result = "", Matches = false, Iterations = 0, Elapsed = elapsed,
        };
        if (child.ExitCode == ExitCodes.BugFound && lines.Length > 1 && BugLine().Match(lines[0]) is { Success: true } bug)
        {
            return row with
            {
                Result = "bug", Matches = huntCase.ExpectBug, Iterations = Parse(bug.Groups["iteration"].Value),
                TracePath = lines.Select(l => TraceLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups["path"].Value,
                Detail = lines[1],
            };
        }

        if (child.ExitCode == ExitCodes.NoBug && lines.Length > 0 && NoBugLine().Match(lines[0]) is { Success: true } clean)
        {
            return row with { Result = "no bug", Matches = !huntCase.ExpectBug, Iterations = Parse(clean.Groups["iterations"].Value), Detail = lines[0] };
        }

        return row with { Result = Ended(child), Detail = Reason(child) };
    }

    private static HuntRow Replay(string assembly, HuntCase huntCase, string trace)
    {
        var stopwatch = Stopwatch.StartNew();
        CoyoteChild.Result child = CoyoteChild.Run(
            ["replay", assembly, trace, "--engine", CoyoteOptions.CoyoteEngine, "--method", huntCase.Workload, "-v", "quiet"],
            TimeSpan.FromMinutes(5));
        string[] lines = Lines(child.Out);
        bool reproduced = child.ExitCode == ExitCodes.BugFound && lines.Length > 2 && lines[0].StartsWith("Coyote reproduced", StringComparison.Ordinal);
        return new HuntRow
        {
            Workload = huntCase.Workload,
            Strategy = HuntRow.ReplayLabel,
            ExpectBug = true,
            Result = reproduced ? "reproduced" : child.ExitCode == ExitCodes.BadInput ? "not reproduced" : Ended(child),
            Matches = reproduced,
            Iterations = 1,
            Elapsed = stopwatch.Elapsed,
            TracePath = trace,
            Detail = reproduced ? lines[2] : Reason(child),
        };
    }

    /// <summary>The iterations' own time limit, if any, plus room for Coyote's rewriting and start-up.</summary>
    private static TimeSpan ChildTimeout(CoyoteTestConfiguration configuration) =>
        (configuration.Timeout is { } limit && limit > TimeSpan.Zero ? limit : TimeSpan.FromMinutes(30)) + TimeSpan.FromMinutes(2);

    private static string Ended(CoyoteChild.Result child) =>
        child.TimedOut ? "timed out" : child.ExitCode == ExitCodes.BadInput ? "error" : Invariant($"crashed (exit {child.ExitCode})");

    private static string Reason(CoyoteChild.Result child) =>
        Lines(child.Error).FirstOrDefault() ?? Lines(child.Out).FirstOrDefault() ?? "the child process wrote nothing";

    private static HuntRow Write(HuntTable table, HuntRow row)
    {
        table.Write(row);
        return row;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Parse(string number) => int.Parse(number, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Coyote found a bug in iteration (?<iteration>[\d,]+) of ")]
    private static partial Regex BugLine();

    [GeneratedRegex(@"^Coyote found no bug in .*: (?<iterations>[\d,]+) iterations with ")]
    private static partial Regex NoBugLine();

    [GeneratedRegex(@"^Coyote trace: (?<path>.+)$")]
    private static partial Regex TraceLine();
}
