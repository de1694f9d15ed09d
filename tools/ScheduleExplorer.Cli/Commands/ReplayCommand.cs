using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Cli.Coyote;
using ScheduleExplorer.Cli.Isolation;
using ScheduleExplorer.Reporting;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Commands;

/// <summary>
/// <c>schedex replay &lt;assembly.dll&gt; &lt;trace.json|token&gt;</c>: runs a recorded schedule again,
/// step for step; with <c>--break</c>, waits for a debugger and breaks at the failing step.
/// </summary>
internal sealed class ReplayCommand
{
    /// <summary>How long <c>--break</c> waits for a debugger when <c>--break-timeout</c> is not given.</summary>
    public const double DefaultBreakTimeoutSeconds = 300;

    private readonly CliConsole _console;
    private readonly Argument<string> _assembly = new("assembly") { Description = "The workload assembly (.dll) the trace was recorded against." };
    private readonly Argument<string> _trace = new("trace") { Description = "A trace file (.json) or a trace token (schedex1:…)." };
    private readonly Option<string?> _method = new("--method", "-m")
    {
        Description = "The test method; by default the one the trace names.",
        HelpName = "name",
    };

    private readonly Option<bool> _break = new("--break") { Description = "Wait for a debugger to attach, then break in the workload at the failing step." };
    private readonly Option<int> _breakTimeout = CliOptions.Int("--break-timeout", null, (int)DefaultBreakTimeoutSeconds, 1, "Seconds --break waits for a debugger.");
    private readonly Option<double> _hangTimeout = CliOptions.HangTimeoutSeconds();
    private readonly Option<string> _verbosity = CliOptions.Verbosity("normal");
    private readonly Option<string> _engine = CoyoteOptions.Engine();
    private readonly Option<bool> _inProcess = new("--in-process") { Description = "Replay in this process instead of a child process (--break always does)." };
    private readonly Option<string?> _scheduleStream = new(IsolatedChild.StreamOption) { Hidden = true };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public ReplayCommand(CliConsole console)
    {
        _console = console;
        _breakTimeout.Hidden = true;
        Command = new Command("replay", "Replay a recorded schedule step for step (exit 1 when it reproduces the bug, 0 when it ends without one, 2 when it diverges, 3 when it could not test).")
        {
            _assembly, _trace, _method, _break, _breakTimeout, _hangTimeout, _verbosity, _engine, _inProcess, _scheduleStream,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Reads a trace from a token or from a file.</summary>
    /// <exception cref="TraceFormatException">The file is missing or the text is not a valid trace.</exception>
    public static ScheduleTrace ReadTrace(string traceOrToken) =>
        TraceSerializer.IsToken(traceOrToken) ? TraceSerializer.FromToken(traceOrToken) : TraceSerializer.ReadFile(traceOrToken);

    private int Execute(ParseResult parse)
    {
        if (parse.IsCoyote(_engine))
        {
            string entry = parse.GetValue(_method) ?? throw new ArgumentException("--engine coyote: give the test method with --method (a Coyote trace does not name it).");
            return new CoyoteRun(_console).Replay(parse.GetRequiredValue(_assembly), entry, parse.GetRequiredValue(_trace), parse.GetLogLevel(_verbosity));
        }

        // The trace first: a malformed one fails in milliseconds, before the assembly is rewritten.
        ScheduleTrace trace = ReadTrace(parse.GetRequiredValue(_trace));
        string method = parse.GetValue(_method) ?? trace.Method;
        bool breakAtBug = parse.GetValue(_break);
        string? stream = parse.GetValue(_scheduleStream);
        if (stream is null && !breakAtBug && !parse.GetValue(_inProcess))
        {
            return ReplayIsolated(parse, trace);
        }

        using var writer = stream is null ? null : new ScheduleStreamWriter(stream);
        try
        {
            if (writer is not null)
            {
                ParentWatch.Start(() => { });
            }

            return ReplayInProcess(parse, trace, method, breakAtBug, writer);
        }
        finally
        {
            writer?.MarkFinished();
        }
    }

    /// <summary>Replays in a child process: a trace of a crash reproduces when the child ends the same way at the same step.</summary>
    private int ReplayIsolated(ParseResult parse, ScheduleTrace trace)
    {
        var outcome = IsolatedChild.Run(parse.Tokens.Select(t => t.Value), _console, CancellationToken.None);
        if (outcome.Schedule.Finished)
        {
            return outcome.ExitCode;
        }

        if (!outcome.Schedule.Started)
        {
            throw ProcessCrash.EndedBeforeStart(outcome, "replay", "replaying");
        }

        TraceBug actual = ProcessCrash.Bug(outcome);
        if (!TraceBugs.Match(trace.Bug, actual))
        {
            return _console.Fail($"{trace.Method}: Replay diverged: the trace ends in {trace.Bug?.Describe() ?? "no bug"}, but the replay ended in {actual.Describe()}.");
        }

        var report = new TestReport
        {
            Method = trace.Method,
            Strategy = $"replay of {trace.Strategy}",
            Seed = trace.Seed,
            Iterations = 1,
            BugsFound = 1,
            FirstBugIteration = trace.Iteration + 1,
            Bug = ProcessCrash.Report(outcome, actual),
            Trace = trace,
            TotalSteps = outcome.Schedule.Steps.Count,
        };
        _console.Out.WriteLine(BugReportWriter.Format(report));
        return ExitCodes.BugFound;
    }

    private int ReplayInProcess(ParseResult parse, ScheduleTrace trace, string method, bool breakAtBug, ScheduleStreamWriter? writer)
    {
        var breakTimeout = TimeSpan.FromSeconds(parse.GetValue(_breakTimeout));
        TestReport report;
        using (HeldLoggerFactory loggers = CliLogging.CreateHeld(parse.GetLogLevel(_verbosity)))
        {
            // Rewritten as the trace was recorded: its scheduling points depend on it.
            var configuration = new TestConfiguration
            {
                HangTimeout = TimeSpan.FromSeconds(parse.GetValue(_hangTimeout)),
                MemoryAccessPoints = trace.Options.MemoryAccessPoints,
                ScheduleSink = writer,
            };
            using var engine = TestingEngine.Create(configuration, parse.GetRequiredValue(_assembly), method, loggers);
            engine.CheckReplayable(trace);
            loggers.Release();

            // The engine is created first, so bad input fails before anyone attaches a debugger for nothing.
            if (breakAtBug && !DebuggerWait.WaitForAttach(_console.Out, breakTimeout))
            {
                return _console.Fail($"no debugger attached to process {Environment.ProcessId} within {DebuggerWait.FormatTimeout(breakTimeout)}.");
            }

            report = engine.Replay(trace, breakAtBug);
        }

        return Conclude(trace, report);
    }

    private int Conclude(ScheduleTrace trace, TestReport report)
    {
        if (report.Verdict == Verdict.CouldNotTest)
        {
            _console.Out.WriteLine(Cli.Reports.CouldNotTestText.Format(report));
            return ExitCodes.CouldNotTest;
        }

        if (report.Divergence is { } divergence)
        {
            // The engine's text already starts with "Replay diverged at step N: expected …, got …".
            return _console.Fail($"{trace.Method}: {divergence}");
        }

        if (report.BugFound)
        {
            _console.Out.WriteLine(BugReportWriter.Format(report));
            return ExitCodes.BugFound;
        }

        _console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Replayed {trace.Steps.Count:N0} steps of {report.Method} ({trace.Strategy}, seed {trace.Seed}, iteration {trace.Iteration + 1}): no bug, as recorded."));
        return ExitCodes.NoBug;
    }
}
