using System.CommandLine;
using ScheduleExplorer.Cli.Stress;
using ScheduleExplorer.Stress.Child;
using ScheduleExplorer.Stress.Hangs;
using ScheduleExplorer.Stress.Measure;
using ScheduleExplorer.Stress.Reporting;
using ScheduleExplorer.Stress.Running;
using ScheduleExplorer.Stress.Targets;

namespace ScheduleExplorer.Cli.Commands;

/// <summary>
/// <c>schedex stress &lt;assembly.dll&gt; --method &lt;name&gt;</c>: runs a workload entry of the un-rewritten
/// assembly on real threads, R times or for a duration, in a child process watched by a watchdog; reports
/// broken repetitions, lost updates, throughput and latency, or the stuck threads when it hangs.
/// <c>schedex stress --sweep</c> measures every bundled counter and philosopher fix at 1…N threads.
/// </summary>
internal sealed class StressCommand
{
    /// <summary>Increments per thread in a sweep when <c>--size</c> is not given.</summary>
    public const int DefaultSweepIncrements = 1_000_000;

    /// <summary>Meals per philosopher in a sweep when <c>--meals</c> is not given.</summary>
    public const int DefaultSweepMeals = 100_000;

    /// <summary>Measured repetitions per sweep cell when <c>--repetitions</c> is not given.</summary>
    public const int DefaultSweepRepetitions = 5;

    private readonly CliConsole _console;
    private readonly Argument<string?> _assembly = new("assembly")
    {
        Description = "The workload assembly (.dll), as built: it is not rewritten. Optional with --sweep (the bundled workloads).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _method = new("--method", "-m")
    {
        Description = "The entry: full name (Namespace.Type.Method) or a unique suffix (Type.Method).",
        HelpName = "name",
    };

    private readonly Option<int?> _threads = StressCliOptions.Int("--threads", null, 1, 4096,
        "Threads: calls the entry's (int threads, int size) overload. With --sweep, the largest thread count (default: the processor count).");

    private readonly Option<int?> _size = StressCliOptions.Int("--size", null, 0, int.MaxValue,
        $"Size per thread for the (threads, size) overload (default {StressEntryResolver.DefaultSize:N0}; with --sweep, increments per thread, default {DefaultSweepIncrements:N0}).", "K");

    private readonly Option<int?> _repetitions = StressCliOptions.Int("--repetitions", "-r", 1, 10_000_000,
        $"Measured repetitions (default {StressOptions.DefaultRepetitions}; {DefaultSweepRepetitions} per cell with --sweep).", "R");

    private readonly Option<double?> _duration = StressCliOptions.Positive("--duration", 86_400, "Repeat for this many seconds instead of a count.", "SEC");
    private readonly Option<int?> _warmup = StressCliOptions.Int("--warmup", null, 0, 1000, "Unmeasured repetitions first (default 0).");
    private readonly Option<double?> _watchdog = StressCliOptions.Positive("--watchdog", 86_400,
        $"Declare a hang when no repetition finished for this many seconds: print every stuck thread and end the run (default {StressOptions.DefaultWatchdogSeconds:0}).", "SEC");

    private readonly Option<bool> _sweep = new("--sweep")
    {
        Description = "Measure every bundled counter fix (at 1..--threads threads) and philosopher fix (2..max(--threads, 5)) against the hardware reference.",
    };

    private readonly Option<int?> _meals = StressCliOptions.Int("--meals", null, 1, int.MaxValue, $"With --sweep: meals per philosopher (default {DefaultSweepMeals:N0}).");
    private readonly Option<string?> _chart = StressCliOptions.Chart("the sweep's throughput against threads (FILE.svg, and FILE-philosophers.svg)");
    private readonly Option<string?> _report = StressCliOptions.Report();

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public StressCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("stress", "Run a workload on real threads, repeatedly, checking its invariant every time; or --sweep to measure the fixes.")
        {
            _assembly, _method, _threads, _size, _repetitions, _duration, _warmup, _watchdog, _sweep, _meals, _chart, _report,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parse)
    {
        try
        {
            return parse.GetValue(_sweep) ? Sweep(parse) : Stress(parse);
        }
        catch (StressInputException e)
        {
            return _console.Fail(e.Message);
        }
    }

    private int Stress(ParseResult parse)
    {
        if (parse.GetValue(_assembly) is not { } assembly)
        {
            return _console.Fail("stress needs an assembly (or --sweep) (see 'schedex stress --help')");
        }

        if (parse.GetValue(_method) is not { } method)
        {
            return _console.Fail("stress needs --method (see 'schedex stress --help')");
        }

        if (parse.GetValue(_chart) is not null || parse.GetValue(_meals) is not null)
        {
            return _console.Fail("--chart and --meals go with --sweep");
        }

        if (parse.GetValue(_duration) is not null && parse.GetValue(_repetitions) is not null)
        {
            return _console.Fail("give --repetitions or --duration, not both");
        }

        StressOptions options = Options(parse, StressOptions.DefaultRepetitions);
        string? reportPath = parse.GetValue(_report);
        StressCliOptions.PrepareOutputs(reportPath, null);
        var runner = new ChildProcessStressRunner(new ClrMdThreadInspector());
        using var signals = new SignalStop();
        StressReport report = runner.Run(assembly, method, parse.GetValue(_threads), parse.GetValue(_size), options with { Cancellation = signals.Token });

        // Printed before the file is written, so a failing write never loses the result.
        _console.Out.Write(StressReportWriter.Format(report));
        if (reportPath is not null)
        {
            StressJson.Write(reportPath, report);
        }

        return !report.Held ? ExitCodes.BugFound : report.Interrupted ? ExitCodes.Interrupted : ExitCodes.NoBug;
    }

    private int Sweep(ParseResult parse)
    {
        if (parse.GetValue(_method) is not null || parse.GetValue(_duration) is not null)
        {
            return _console.Fail("--sweep measures the bundled fixes: it takes no --method or --duration");
        }

        string workloads = parse.GetValue(_assembly) ?? SweepRunner.DefaultWorkloadsPath;
        StressEntryResolver.CheckAssembly(workloads);
        string? reportPath = parse.GetValue(_report);
        string? chartPath = parse.GetValue(_chart);
        StressCliOptions.PrepareOutputs(reportPath, chartPath);
        var sweep = new SweepRunner(new ChildProcessStressRunner(new ClrMdThreadInspector()));
        SweepResult result = sweep.Run(
            workloads,
            parse.GetValue(_threads) ?? Environment.ProcessorCount,
            parse.GetValue(_size) is { } size and > 0 ? size : DefaultSweepIncrements,
            parse.GetValue(_meals) ?? DefaultSweepMeals,
            Options(parse, DefaultSweepRepetitions),
            message => _console.Error.WriteLine(message));
        _console.Out.Write(SweepReportWriter.Format(result));
        if (reportPath is not null)
        {
            StressJson.Write(reportPath, result);
        }

        if (chartPath is not null)
        {
            StressCliOptions.Save(SweepReportWriter.Chart(result, SweepPlan.Counters), chartPath, _console.Out);
            string philosophers = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(chartPath))!, Path.GetFileNameWithoutExtension(chartPath) + "-philosophers.svg");
            StressCliOptions.Save(SweepReportWriter.Chart(result, SweepPlan.Philosophers), philosophers, _console.Out);
        }

        bool fixesHeld = result.Cells.Where(c => c.Kind != SweepCaseKind.Bug).All(c => c.Broken == 0 && c.Problem is null);
        return fixesHeld ? ExitCodes.NoBug : ExitCodes.BugFound;
    }

    private StressOptions Options(ParseResult parse, int defaultRepetitions) => new()
    {
        Repetitions = parse.GetValue(_repetitions) ?? defaultRepetitions,
        Duration = parse.GetValue(_duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Warmup = parse.GetValue(_warmup) ?? 0,
        Watchdog = TimeSpan.FromSeconds(parse.GetValue(_watchdog) ?? StressOptions.DefaultWatchdogSeconds),
    };
}
