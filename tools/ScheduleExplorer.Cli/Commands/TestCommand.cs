using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Cli.Coyote;
using ScheduleExplorer.Cli.Isolation;
using ScheduleExplorer.Cli.Parallel;
using ScheduleExplorer.Cli.Reports;
using ScheduleExplorer.Reporting;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Commands;

/// <summary>
/// <c>schedex test &lt;assembly.dll&gt; --method &lt;name&gt;</c>: explores one test method of a workload
/// assembly (rewritten in memory) and prints the bug report, what could not be tested and what to do,
/// or a summary when there is no bug. Exit codes: 0 no bug, 1 bug, 2 bad input, 3 could not test.
/// </summary>
internal sealed class TestCommand
{
    /// <summary>Iterations when <c>--iterations</c> is not given.</summary>
    public const int DefaultIterations = TestConfiguration.DefaultIterations;

    // The library's defaults are the command's defaults: one source of truth for bounds and step limits.
    private static readonly TestConfiguration s_defaults = new();
    private readonly CliConsole _console;
    private readonly Argument<string> _assembly = new("assembly") { Description = "The workload assembly (.dll) holding the test method." };
    private readonly Option<string> _method = new("--method", "-m")
    {
        Description = "The test method: full name (Namespace.Type.Method) or a unique suffix (Type.Method).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<int> _iterations = CliOptions.Int("--iterations", "-i", DefaultIterations, 1, "Iterations (schedules) to explore at most.");
    private readonly Option<string> _strategy = CliOptions.Strategy();
    private readonly Option<int> _strategyBound = CliOptions.Int("--strategy-bound", null, 0, 1, "The strategy's bound: the bug depth for pct (default 10), b for probabilistic (switch with probability 1/2^b, default 2), the most delays for delay-bounding (default 2).");
    private readonly Option<ulong> _seed = CliOptions.Seed();
    private readonly Option<int> _maxSteps = CliOptions.Int("--max-steps", null, s_defaults.MaxSteps, 1, "Scheduling steps per iteration before it is cut off.");
    private readonly Option<bool> _failOnMaxSteps = new("--fail-on-max-steps") { Description = "Report an iteration that reaches --max-steps as a livelock bug (by default a cut-off makes the verdict \"could not test\", exit 3)." };
    private readonly Option<bool> _noRaces = new("--no-race-detection") { Description = "Do not report data races (two operations about to access one field or element at once, one writing, with nothing ordering them); failures are still found." };
    private readonly Option<bool> _noStoreBuffering = new("--no-store-buffering") { Description = "Explore sequentially consistent schedules only: every store is seen at once (by default stores may stay in per-thread store buffers, total store order as on x64, so loads can see older values and Dekker-style bugs on volatile flags are found)." };
    private readonly Option<bool> _noFairYields = new("--no-fair-yields") { Description = "Let an operation that yields (Thread.Yield, Thread.Sleep(0)) run again before the operations it could have let run (by default a second yield waits for them, as in CHESS, so spin loops stay short)." };
    private readonly Option<double?> _timeout = CliOptions.TimeoutSeconds();
    private readonly Option<double> _hangTimeout = CliOptions.HangTimeoutSeconds();
    private readonly Option<string> _outdir = CliOptions.TracesDirectory();
    private readonly Option<string?> _report = new("--report") { Description = "Also write the result as JSON to this file.", HelpName = "FILE.json" };
    private readonly Option<string?> _junit = new("--junit") { Description = "Also write the result as JUnit XML to this file, for CI.", HelpName = "FILE.xml" };
    private readonly Option<Shard> _shard = Shard.Option();
    private readonly Option<int> _parallel = CliOptions.Int("--parallel", null, 1, 1, "Explore in N processes at once (iterations striped over them), with the results, numbering and trace of a serial run; not for dfs.");
    private readonly Option<Shard> _part = Shard.Option(ParallelRun.PartOption);
    private readonly Option<bool> _reportIterations = new(ReportIterationsOption) { Hidden = true };
    private readonly Option<string> _verbosity = CliOptions.Verbosity("normal");
    private readonly Option<string> _engine = CoyoteOptions.Engine();
    private readonly Option<string?> _coyoteStrategy = CoyoteOptions.Strategy();
    private readonly Option<bool> _memoryAccessRaces = CoyoteOptions.MemoryAccessRaces();
    private readonly Option<bool> _inProcess = new("--in-process") { Description = "Explore in this process instead of a child process (a workload that crashes the process then ends schedex too, with no report)." };
    private readonly Option<string?> _scheduleStream = new(IsolatedChild.StreamOption) { Hidden = true };

    private const string ReportIterationsOption = "--report-iterations";

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public TestCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("test", "Explore the schedules of a test method and report the first bug. Exit codes: 0 no bug, 1 bug found, 2 bad usage or input, 3 could not test (an uncontrolled API, a step-bound cut-off, a hang in uncontrolled code).")
        {
            _assembly, _method, _iterations, _strategy, _strategyBound, _seed, _maxSteps, _failOnMaxSteps, _noRaces, _noStoreBuffering, _noFairYields, _timeout, _hangTimeout, _outdir, _report, _junit, _shard, _parallel, _part, _reportIterations, _verbosity, _engine, _coyoteStrategy, _memoryAccessRaces, _inProcess, _scheduleStream,
        };
        _part.Hidden = true;
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>One paragraph on a run without a bug: iterations, strategy, seed, time, rate and steps.</summary>
    public static string Summary(TestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var culture = CultureInfo.InvariantCulture;
        double seconds = report.Elapsed.TotalSeconds;
        double rate = report.Iterations / Math.Max(seconds, 1e-9);
        double perIteration = report.Iterations == 0 ? 0 : (double)report.TotalSteps / report.Iterations;
        var text = new StringBuilder();
        text.Append(culture, $"No bug found in {report.Method}: {report.Iterations:N0} iterations");
        text.Append(report.Exhausted ? $" ({report.ExhaustedText})" : string.Empty);
        text.Append(culture, $" with {report.Strategy}, seed {report.Seed}, in {seconds:0.000} s ({rate:N0} iterations/s); ");
        text.Append(culture, $"{report.TotalSteps:N0} scheduling steps ({perIteration:0.0} per iteration, at most {report.MaxStepsInIteration:N0}).");
        if (report.StepBoundHits > 0)
        {
            // Only with a bug elsewhere or --fail-on-max-steps: otherwise a cut-off is "could not test".
            text.Append(culture, $" {report.StepBoundHits:N0} iterations were cut off by the step bound.");
        }

        return text.ToString();
    }

    private int Execute(ParseResult parse)
    {
        string assembly = parse.GetRequiredValue(_assembly);
        if (parse.IsCoyote(_engine))
        {
            if (parse.GetValue(_parallel) > 1)
            {
                throw new ArgumentException("--parallel is for the ScheduleExplorer engine; run Coyote without it.");
            }

            return new CoyoteRun(_console).Test(assembly, parse.GetRequiredValue(_method), CoyoteConfiguration(parse), parse.GetLogLevel(_verbosity));
        }

        var (first, length) = parse.GetValue(_shard).Slice(parse.GetValue(_iterations));
        if (length == 0)
        {
            throw new ArgumentException($"--shard {parse.GetValue(_shard).Index}/{parse.GetValue(_shard).Count} of {parse.GetValue(_iterations)} iterations is empty: use fewer shards or more iterations.");
        }

        var configuration = new TestConfiguration
        {
            FirstIteration = first,
            Iterations = length,
            Strategy = parse.GetStrategy(_strategy),
            StrategyBound = parse.GetValue(_strategyBound) is > 0 and var bound ? bound : null,
            Seed = parse.GetValue(_seed),
            MaxSteps = parse.GetValue(_maxSteps),
            FailOnMaxSteps = parse.GetValue(_failOnMaxSteps),
            DetectDataRaces = !parse.GetValue(_noRaces),
            StoreBuffering = !parse.GetValue(_noStoreBuffering),
            FairYields = !parse.GetValue(_noFairYields),
            Timeout = parse.GetValue(_timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            HangTimeout = TimeSpan.FromSeconds(parse.GetValue(_hangTimeout)),
            TracesDirectory = parse.GetValue(_outdir),
        };
        configuration.Validate();
        CliPaths.CheckOutputDirectory(configuration.TracesDirectory!, "traces");
        if (parse.GetValue(_report) is { } reportFile)
        {
            CliPaths.CheckOutputFile(reportFile, "report");
        }

        if (parse.GetValue(_junit) is { } junitFile)
        {
            CliPaths.CheckOutputFile(junitFile, "JUnit");
        }

        using var signals = new SignalStop();
        configuration = configuration with { Cancellation = signals.Token };
        string? stream = parse.GetValue(_scheduleStream);
        int parallel = stream is null ? CheckParallel(parse, configuration, length) : 1;
        if (stream is not null || parse.GetValue(_inProcess))
        {
            return ExploreHere(parse, configuration, assembly, (first, length), stream, signals);
        }

        if (parallel > 1)
        {
            return RunParallel(parse, configuration, assembly, first, length, parallel, signals.Token);
        }

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var outcome = RunChild(parse, length, signals.Token);
        // A child that ended normally printed and wrote everything an in-process run would have.
        return outcome.Schedule.Finished
            ? outcome.ExitCode
            : Conclude(parse, CrashReport(outcome, configuration, first, elapsed.Elapsed), assembly, first, length);
    }

    /// <summary>Explores in this process: with <c>--in-process</c>, or as the child of an isolated or a parallel run (<paramref name="stream"/> given).</summary>
    private int ExploreHere(ParseResult parse, TestConfiguration configuration, string assembly, (int First, int Length) slice, string? stream, SignalStop signals)
    {
        var (first, length) = slice;
        using var writer = stream is null ? null : new ScheduleStreamWriter(stream);
        var part = writer is null ? Shard.All : parse.GetValue(_part);
        var partChild = part.Count > 1 ? new PartChild(_console.Out) : null;
        if (writer is not null)
        {
            ParentWatch.Start(signals.Stop, partChild is null ? null : partChild.ParentLine);
            configuration = configuration with { ScheduleSink = writer };
        }

        if (partChild is null && parse.GetValue(_reportIterations))
        {
            configuration = configuration with { IterationEnded = new PartChild(_console.Out).IterationEnded };
        }

        try
        {
            return partChild is null
                ? Conclude(parse, RunInProcess(parse, configuration, assembly), assembly, first, length)
                : RunPart(parse, configuration, assembly, (first, length), part, partChild);
        }
        finally
        {
            writer?.MarkFinished();
        }
    }

    /// <summary>The serial run's child; on a terminal its iterations feed a live progress line on standard error.</summary>
    private ChildOutcome RunChild(ParseResult parse, int length, CancellationToken stop)
    {
        var arguments = parse.Tokens.Select(t => t.Value);
        if (parse.GetLogLevel(_verbosity) == LogLevel.None || ProgressLine.ForStandardError() is not { } line)
        {
            return IsolatedChild.Run(arguments, _console, stop);
        }

        var relay = new ProgressRelay(line, _console.Out, length);
        return IsolatedChild.Run([.. arguments, ReportIterationsOption], new CliConsole(relay.Writer, _console.Error), stop);
    }

    /// <summary>The number of processes of <c>--parallel</c> (at most one per iteration); throws when the run cannot be split.</summary>
    private int CheckParallel(ParseResult parse, TestConfiguration configuration, int length)
    {
        int parallel = parse.GetValue(_parallel);
        if (parallel == 1)
        {
            return 1;
        }

        if (parse.GetValue(_inProcess))
        {
            throw new ArgumentException("--parallel explores in child processes: it cannot be combined with --in-process.");
        }

        // The registry says which strategies can start at any iteration; the others explore in order.
        var strategy = ScheduleExplorer.Strategies.StrategyRegistry.Find(configuration.Strategy)!;
        if (!strategy.Shardable)
        {
            throw new ArgumentException($"--parallel: {strategy.Name} explores one tree in order and cannot be split over processes; run it without --parallel.");
        }

        return Math.Min(parallel, length);
    }

    private int RunParallel(ParseResult parse, TestConfiguration configuration, string assembly, int first, int length, int parts, CancellationToken signal)
    {
        using var loggers = CliLogging.Create(parse.GetLogLevel(_verbosity));
        var progress = parse.GetLogLevel(_verbosity) == LogLevel.None ? null : ProgressLine.ForStandardError();
        var run = new ParallelRun(_console, loggers.CreateLogger("schedex"), progress, first, length);
        return run.Run(
            [.. parse.Tokens.Select(t => t.Value)],
            parts,
            signal,
            (outcome, elapsed) => Conclude(parse, CrashReport(outcome, configuration, first, elapsed), assembly, first, length));
    }

    /// <summary>One part of a parallel run: every <c>part.Count</c>-th iteration of the slice, then the parent's verdict.</summary>
    private int RunPart(ParseResult parse, TestConfiguration configuration, string assembly, (int First, int Length) slice, Shard part, PartChild child)
    {
        var striped = configuration with
        {
            FirstIteration = slice.First + part.Index - 1,
            Iterations = (slice.Length - part.Index + part.Count) / part.Count,
            IterationStride = part.Count,
            TracesDirectory = null,
            IterationEnded = child.IterationEnded,
        };
        var report = RunInProcess(parse, striped, assembly, LogLevel.Warning);
        if (child.AwaitVerdict() is not { } totals)
        {
            return ExitCodes.NoBug;
        }

        report = PartChild.WriteTrace(totals.Apply(report, configuration.MaxSteps), configuration.TracesDirectory);
        return Conclude(parse, report, assembly, slice.First, slice.Length);
    }

    private TestReport RunInProcess(ParseResult parse, TestConfiguration configuration, string assembly, LogLevel least = LogLevel.Trace)
    {
        var level = parse.GetLogLevel(_verbosity);
        using HeldLoggerFactory loggers = CliLogging.CreateHeld(level > least ? level : least);
        using var engine = TestingEngine.Create(configuration, assembly, parse.GetRequiredValue(_method), loggers);
        loggers.Release();
        return engine.Run();
    }

    /// <summary>The report of a child that ended the process: a bug, with the trace rebuilt from its stream and written here.</summary>
    private static TestReport CrashReport(ChildOutcome outcome, TestConfiguration configuration, int first, TimeSpan elapsed)
    {
        if (!outcome.Schedule.Started)
        {
            throw ProcessCrash.EndedBeforeStart(outcome, "test", "exploring");
        }

        var bug = ProcessCrash.Bug(outcome);
        var trace = ProcessCrash.Trace(outcome, configuration, bug);
        string? path = configuration.TracesDirectory is { } directory ? TestingEngine.WriteTraceFile(trace, directory) : null;

        return new TestReport
        {
            Method = trace.Method,
            Strategy = trace.Strategy,
            Seed = configuration.Seed,
            Iterations = trace.Iteration - first + 1,
            BugsFound = 1,
            FirstBugIteration = trace.Iteration + 1,
            Bug = ProcessCrash.Report(outcome, bug),
            Trace = trace,
            TracePath = path,
            TotalSteps = trace.Steps.Count,
            MaxStepsInIteration = trace.Steps.Count,
            Elapsed = elapsed,
        };
    }

    private int Conclude(ParseResult parse, TestReport report, string assembly, int first, int length)
    {
        // The result is printed before any file is written, so a failing write never loses a found bug.
        int exitCode = Print(report, assembly);
        var summary = RunSummary.From(report, first, length, report.BugFound ? BugReportWriter.Format(report) : report.CouldNotTest?.Summary);
        if (parse.GetValue(_report) is { } reportPath)
        {
            RunSummaryFile.Write(reportPath, summary);
        }

        if (parse.GetValue(_junit) is { } junitPath)
        {
            JUnitReport.Write(junitPath, "schedex test", [Merge.ShardMerge.JUnitCase(summary)]);
        }

        return exitCode;
    }

    private int Print(TestReport report, string assembly)
    {
        if (report.BugFound)
        {
            string? replay = report.TracePath is { } trace ? CommandLineText.Replay(assembly, trace) : null;
            _console.Out.WriteLine(BugReportWriter.Format(report, replay));
            return ExitCodes.BugFound;
        }

        if (report.Verdict == Verdict.CouldNotTest)
        {
            _console.Out.WriteLine(CouldNotTestText.Format(report));
            return ExitCodes.CouldNotTest;
        }

        if (report.Interrupted)
        {
            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Interrupted after {report.Iterations:N0} iterations: no bug found so far. ") + Summary(report));
            return ExitCodes.Interrupted;
        }

        _console.Out.WriteLine(Summary(report));
        return ExitCodes.NoBug;
    }

    private ScheduleExplorer.Coyote.CoyoteTestConfiguration CoyoteConfiguration(ParseResult parse) => new()
    {
        Iterations = parse.GetValue(_iterations),
        // Coyote has no equivalent of the default portfolio: without -s it runs its random strategy.
        Strategy = CoyoteOptions.Parse(parse.GetValue(_coyoteStrategy) ?? (parse.GetResult(_strategy) is { Implicit: false } ? parse.GetRequiredValue(_strategy) : StrategyKind.Random)) ?? ScheduleExplorer.Coyote.CoyoteStrategy.Random,
        StrategyBound = parse.GetValue(_strategyBound) is > 0 and var bound ? bound : new ScheduleExplorer.Coyote.CoyoteTestConfiguration().StrategyBound,
        Seed = (uint)parse.GetValue(_seed),
        MaxSteps = parse.GetValue(_maxSteps) == s_defaults.MaxSteps ? null : parse.GetValue(_maxSteps),
        Timeout = parse.GetValue(_timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        MemoryAccessRaces = parse.GetValue(_memoryAccessRaces),
        TracesDirectory = parse.GetValue(_outdir),
    };
}
