using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Cli.Coyote;
using ScheduleExplorer.Cli.Hunt;
using ScheduleExplorer.Cli.Reports;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Commands;

/// <summary>
/// <c>schedex hunt</c>: finds every bundled bug under random and PCT, writes and replays their
/// traces, and checks that every fix shows no bug; prints one table row per check.
/// </summary>
internal sealed class HuntCommand
{
    private readonly CliConsole _console;
    private readonly Option<int> _iterations = CliOptions.Int(
        "--iterations", "-i", TestCommand.DefaultIterations, 1, "Iterations per workload and strategy (a bug hunt stops at the first bug).");

    private readonly Option<ulong> _seed = CliOptions.Seed();
    private readonly Option<string> _outdir = CliOptions.TracesDirectory();
    private readonly Option<string> _assembly = new("--assembly")
    {
        Description = $"The workloads assembly (default: {HuntPlan.WorkloadsAssemblyFile} next to schedex).",
        HelpName = "path",
        DefaultValueFactory = _ => HuntPlan.DefaultAssembly,
    };

    private readonly Option<double> _hangTimeout = CliOptions.HangTimeoutSeconds();
    private readonly Option<string?> _junit = new("--junit") { Description = "Also write one JUnit test case per row to this file, for CI.", HelpName = "FILE.xml" };
    private readonly Option<Shard> _shard = Shard.Option();
    private readonly Option<string> _verbosity = CliOptions.Verbosity("quiet");
    private readonly Option<string> _engine = CoyoteOptions.Engine();
    private readonly Option<bool> _memoryAccessRaces = CoyoteOptions.MemoryAccessRaces();

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public HuntCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("hunt", "Hunt every bundled bug under random and pct, replay the traces, and check that every fix shows no bug.")
        {
            _iterations, _seed, _outdir, _assembly, _hangTimeout, _junit, _shard, _verbosity, _engine, _memoryAccessRaces,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parse)
    {
        string assembly = parse.GetRequiredValue(_assembly);
        if (parse.IsCoyote(_engine))
        {
            CliPaths.EnsureDirectory(parse.GetRequiredValue(_outdir), "traces");
            var coyote = new ScheduleExplorer.Coyote.CoyoteTestConfiguration { Iterations = parse.GetValue(_iterations), Seed = (uint)parse.GetValue(_seed), MemoryAccessRaces = parse.GetValue(_memoryAccessRaces), TracesDirectory = parse.GetValue(_outdir) };
            return new CoyoteHunt(_console).Run(assembly, coyote);
        }

        var configuration = new TestConfiguration
        {
            Iterations = parse.GetValue(_iterations),
            Seed = parse.GetValue(_seed),
            TracesDirectory = parse.GetValue(_outdir),
            HangTimeout = TimeSpan.FromSeconds(parse.GetValue(_hangTimeout)),
        };
        configuration.Validate();
        CliPaths.CheckOutputDirectory(configuration.TracesDirectory!, "traces");
        if (parse.GetValue(_junit) is { } junitFile)
        {
            CliPaths.CheckOutputFile(junitFile, "JUnit");
        }

        var table = new HuntTable(_console.Out, HuntPlan.Cases.Select(c => c.Workload), HuntPlan.Strategies.Select(HuntPlan.Label));
        var rows = new List<HuntRow>();
        var stopwatch = Stopwatch.StartNew();
        var shard = parse.GetValue(_shard);
        var committed = CommittedTraces.Snapshot(configuration.TracesDirectory);
        int ordinal = 0;
        using var signals = new SignalStop();
        configuration = configuration with { Cancellation = signals.Token };
        using (ILoggerFactory loggers = CliLogging.Create(parse.GetLogLevel(_verbosity)))
        {
            foreach (HuntCase huntCase in HuntPlan.Cases)
            {
                foreach (string strategy in HuntPlan.Strategies)
                {
                    // A shard takes every n-th (workload, strategy) check, so n machines split the hunt.
                    if (!shard.Owns(ordinal++) || signals.Token.IsCancellationRequested)
                    {
                        continue;
                    }

                    // A check the signal cut short is dropped: its "no bug" would not be a verdict.
                    var checkRows = Check(huntCase, assembly, configuration with { Strategy = strategy }, committed, loggers).ToList();
                    if (signals.Token.IsCancellationRequested)
                    {
                        continue;
                    }

                    foreach (HuntRow row in checkRows)
                    {
                        table.Write(row);
                        rows.Add(row);
                    }
                }
            }
        }

        bool interrupted = signals.Token.IsCancellationRequested;
        _console.Out.WriteLine(interrupted
            ? string.Create(CultureInfo.InvariantCulture, $"\nInterrupted after {rows.Count} checks; the rows above are complete, the rest did not run.")
            : HuntTable.Footer(rows, stopwatch.Elapsed));
        if (parse.GetValue(_junit) is { } junitPath)
        {
            JUnitReport.Write(junitPath, "schedex hunt", [.. rows.Select(ToJUnit)]);
        }

        return interrupted ? ExitCodes.Interrupted
            : rows.TrueForAll(r => r.Matches) ? ExitCodes.NoBug
            : rows.Exists(r => !r.Matches && !r.CouldNotTest) ? ExitCodes.BugFound
            : ExitCodes.CouldNotTest;
    }

    private static JUnitReport.Case ToJUnit(HuntRow row) => new(
        $"hunt.{row.Workload}",
        $"{row.Strategy}: expects {(row.ExpectBug ? "a bug" : "no bug")}",
        row.Elapsed,
        row.Matches || row.CouldNotTest ? null : $"{row.Result} (expected {(row.ExpectBug ? "a bug" : "no bug")})",
        row.Matches || row.CouldNotTest ? null : row.Detail,
        row.CouldNotTest ? row.Detail : null);

    /// <summary>
    /// Explores one case with one strategy and, when a trace was written, reads it back from disk and
    /// replays it with the same engine (no second rewrite).
    /// </summary>
    private static IEnumerable<HuntRow> Check(HuntCase huntCase, string assembly, TestConfiguration configuration, CommittedTraces committed, ILoggerFactory loggers)
    {
        using var engine = TestingEngine.Create(configuration, assembly, huntCase.Workload, loggers);
        TestReport report = engine.Run();
        if (report.TracePath is { } written)
        {
            committed.KeepIfUnchanged(written);
        }

        yield return HuntRow.FromRun(huntCase, HuntPlan.Label(configuration.Strategy), report);
        if (report.TracePath is { } path)
        {
            ScheduleTrace trace = TraceSerializer.ReadFile(path);
            yield return HuntRow.FromReplay(huntCase, path, engine.Replay(trace));
        }
    }
}
