using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Testing;

/// <summary>
/// The entry point for any test framework: explores a test under a strategy, reports what it found
/// and gives the trace of the first bug; or replays a trace step for step.
/// </summary>
/// <example>
/// <code>
/// using var engine = TestingEngine.Create(new TestConfiguration { Iterations = 1000 }, "Workloads.dll", "LostUpdate.Unsynchronized");
/// var report = engine.Run();
/// </code>
/// </example>
public sealed class TestingEngine : IDisposable
{
    private static readonly string s_harness = $"ScheduleExplorer {typeof(TestingEngine).Assembly.GetName().Version?.ToString(3)}";
    private readonly TestConfiguration _configuration;
    private readonly TestTarget _target;
    private readonly ILogger _logger;

    private TestingEngine(TestConfiguration configuration, TestTarget target, ILoggerFactory? loggerFactory)
    {
        _configuration = configuration;
        _target = target;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TestingEngine>();
    }

    /// <summary>The test method's full name.</summary>
    public string Method => _target.Method;

    /// <summary>
    /// Rewrites <paramref name="assemblyPath"/> in memory, loads it and finds <paramref name="method"/>
    /// (full name or unique suffix of a public static parameterless method returning void or Task).
    /// </summary>
    /// <exception cref="WorkloadException">The assembly or the method is missing or unusable.</exception>
    public static TestingEngine Create(TestConfiguration configuration, string assemblyPath, string method, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        var target = WorkloadLoader.Load(assemblyPath, method, configuration, loggerFactory ?? NullLoggerFactory.Instance);
        return new TestingEngine(configuration, target, loggerFactory);
    }

    /// <summary>
    /// Explores <paramref name="test"/> as it is: only the controlled API it calls (the
    /// <c>ScheduleExplorer.Controlled</c> shims, or code rewritten beforehand) is scheduled.
    /// </summary>
    public static TestingEngine Create(TestConfiguration configuration, Action test, string name = "test", ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(test);
        configuration.Validate();
        var assembly = test.Method.Module.Assembly;
        var target = new TestTarget(test, name, assembly.GetName().Name ?? "unknown", test.Method.Module.ModuleVersionId, lifetime: null);
        return new TestingEngine(configuration, target, loggerFactory);
    }

    /// <summary>Explores the test with the configured strategy.</summary>
    public TestReport Run() => Explore(CreateStrategy(), replay: null);

    /// <summary>
    /// Explores the already loaded test under another strategy or seed (<paramref name="configuration"/>'s
    /// rewriting options are not applied again): many runs of one test pay for rewriting, loading and JIT once.
    /// </summary>
    internal TestReport Run(TestConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        return new TestingEngine(configuration, _target, loggerFactory: null).Run();
    }

    /// <summary>
    /// Replays <paramref name="trace"/> step for step. With <paramref name="breakAtBug"/> and a
    /// debugger attached, execution breaks in the workload at the last recorded step.
    /// </summary>
    /// <exception cref="WorkloadException">The trace was recorded for another assembly build or method.</exception>
    public TestReport Replay(ScheduleTrace trace, bool breakAtBug = false) => Replay(trace, breakAtBug, onBreak: null);

    /// <summary>Replays with a custom action at the break step (tests use it in place of a debugger).</summary>
    internal TestReport Replay(ScheduleTrace trace, bool breakAtBug, Action? onBreak)
    {
        ArgumentNullException.ThrowIfNull(trace);
        CheckTraceMatches(trace);
        var strategy = new ReplayStrategy([.. trace.Steps.Select(s => s.ToScheduleStep())]);
        return Explore(strategy, trace, breakAtBug ? trace.Steps.Count(s => !s.Kind.IsDataChoice()) : -1, onBreak);
    }

    /// <inheritdoc/>
    public void Dispose() => _target.Dispose();

    private ISchedulingStrategy CreateStrategy() =>
        StrategyRegistry.Create(_configuration.Strategy, _configuration.Seed, _configuration.StrategyBound);

    private TestReport Explore(ISchedulingStrategy strategy, ScheduleTrace? replay, int breakAtStep = -1, Action? onBreak = null)
    {
        var options = new SchedulerOptions
        {
            MaxSteps = replay?.Options.MaxSteps ?? _configuration.MaxSteps,
            FailOnMaxSteps = replay?.Options.FailOnMaxSteps ?? _configuration.FailOnMaxSteps,
            HangTimeout = _configuration.HangTimeout,
            PinCpu = _configuration.PinWorkers ? Math.Max(0, Thread.GetCurrentProcessorId()) % Environment.ProcessorCount : -1,
            BreakAtStep = breakAtStep,
            ScheduleSink = _configuration.ScheduleSink,
            // A replay of a race must see it again, whatever this configuration says.
            DetectDataRaces = _configuration.DetectDataRaces || IsRace(replay),
            BenignRaces = new HashSet<string>(_configuration.BenignRaces, StringComparer.Ordinal),
            RaceIsBug = IsRace(replay),
            StoreBuffering = replay?.Options.StoreBuffering ?? _configuration.StoreBuffering,
            FairYields = replay?.Options.FairYields ?? _configuration.FairYields,
        };
        if (onBreak is not null)
        {
            options = options with { OnBreak = onBreak };
        }

        var entry = EntryInScope();
        int iterations = replay is null ? _configuration.Iterations : 1;
        int first = replay is null ? _configuration.FirstIteration : 0;
        // Named before its first iteration: "portfolio", not the member that explores the last one.
        string strategyName = strategy.Name;
        var progress = new ExplorationProgress(_logger, _target.Method, strategyName, iterations, _configuration.ProgressInterval);
        var stopwatch = Stopwatch.StartNew();
        using var scheduler = new ControlledScheduler(strategy, options);
        progress.Started(_configuration.Seed);
        _configuration.ScheduleSink?.RunStarting(_target.AssemblyName, _target.Mvid, _target.Method, strategy.Name);
        var statistics = new ExplorationStatistics();
        bool exhausted = false;
        bool interrupted = false;
        Detection.CouldNotTestReport? couldNotTest = null;
        (int Iteration, IterationOutcome Outcome, string Strategy)? race = null;
        int stride = replay is null ? _configuration.IterationStride : 1;
        for (int done = 0; done < iterations; done++)
        {
            int iteration = first + (done * stride);
            if (!strategy.PrepareIteration(iteration))
            {
                exhausted = true;
                break;
            }

            _configuration.ScheduleSink?.IterationStarting(replay?.Iteration ?? iteration);
            _target.BeforeIteration();
            var outcome = scheduler.RunIteration(entry, keepSchedule: replay is not null);
            if (outcome.Bug?.Inconclusive is { } inconclusive)
            {
                // Not a bug of the code under test but a limit of the tool: no trace, no
                // minimization, and no further iteration (each would end the same way).
                couldNotTest = inconclusive with { Iteration = iteration + 1 };
                statistics.Add(iteration, outcome with { Bug = null }, divergence: null);
                _configuration.IterationEnded?.Invoke(new ExploredIteration(iteration, outcome.Steps, outcome.StepBoundReached, EndsRun: true));
                progress.CouldNotTest(couldNotTest);
                break;
            }

            statistics.Add(iteration, outcome, replay is null ? null : CheckReplayEnd(strategy, outcome, replay));
            _configuration.IterationEnded?.Invoke(new ExploredIteration(
                iteration,
                outcome.Steps,
                outcome.StepBoundReached,
                EndsRun: (outcome.Bug is not null && _configuration.StopAtFirstBug) || scheduler.IsBroken,
                NotesRace: outcome.Race is not null && outcome.Bug is null && race is null && statistics.Bug is null));
            if (statistics.Bug is not null && statistics.FirstBugTrace is null)
            {
                progress.BugFound(iteration + 1, statistics.Bug);
                ReportFirstBug(scheduler, strategy, strategy.Name, iteration, outcome, replay, options, statistics, progress);
            }
            else if (outcome.Race is { } noted && race is null)
            {
                // A failure outranks a race: explore on, and report the race only if nothing fails.
                race = (iteration, outcome, strategy.Name);
                scheduler.Races.Enabled = false;
                progress.RaceNoted(iteration + 1, noted);
            }

            if ((statistics.Bug is not null && _configuration.StopAtFirstBug) || statistics.Divergence is not null || scheduler.IsBroken)
            {
                break;
            }

            if (_configuration.Cancellation.IsCancellationRequested && done + 1 < iterations)
            {
                interrupted = true;
                break;
            }

            if (_configuration.Timeout is { } timeout && stopwatch.Elapsed > timeout)
            {
                progress.TimedOut(timeout);
                break;
            }

            progress.Iteration(done + 1, statistics.TotalSteps, stopwatch.Elapsed);
        }

        if (couldNotTest is null && statistics.Bug is null && statistics.Divergence is null && race is { } found && !scheduler.IsBroken)
        {
            statistics.AddRace(found.Iteration, found.Outcome.Race!);
            progress.BugFound(found.Iteration + 1, statistics.Bug!);
            scheduler.RaceIsBug = true;
            scheduler.Races.Enabled = true;
            ReportFirstBug(scheduler, strategy, found.Strategy, found.Iteration, found.Outcome with { Bug = found.Outcome.Race, Race = null }, replay, options, statistics, progress);
        }

        if (couldNotTest is null && statistics.Bug is null && statistics.Divergence is null && statistics.StepBoundHits > 0)
        {
            couldNotTest = Detection.RuntimeBugs.StepBound(statistics.StepBoundHits, statistics.Iterations, options.MaxSteps, statistics.FirstStepBoundIteration);
            progress.CouldNotTest(couldNotTest);
        }

        string? tracePath = statistics.FirstBugTrace is { } bugTrace && replay is null && _configuration.TracesDirectory is { } directory
            ? WriteTrace(bugTrace, directory)
            : null;
        var report = new TestReport
        {
            Method = _target.Method,
            // A replay reports the schedule it replayed: the trace's strategy, seed and iteration.
            // A bug names the strategy that found it (a portfolio's member); a run without one, the run's.
            Strategy = replay is null ? statistics.FirstBugTrace?.Strategy ?? strategyName : $"replay of {replay.Strategy}",
            Seed = replay?.Seed ?? _configuration.Seed,
            Iterations = statistics.Iterations,
            // A tree whose branches were cut off by the step bound was not explored to its leaves.
            Exhausted = exhausted && statistics.StepBoundHits == 0,
            StoreBuffering = options.StoreBuffering,
            FairnessHeldBack = scheduler.Fairness.HeldBack > 0,
            BugsFound = statistics.BugsFound,
            FirstBugIteration = replay is null || statistics.FirstBugIteration is null ? statistics.FirstBugIteration : replay.Iteration + 1,
            Bug = statistics.Bug,
            Trace = statistics.FirstBugTrace,
            TracePath = tracePath,
            Divergence = statistics.Divergence,
            CouldNotTest = couldNotTest,
            TotalSteps = statistics.TotalSteps,
            ContextSwitches = statistics.ContextSwitches,
            BugPreemptionsFound = statistics.FirstBugPreemptions.Found,
            BugPreemptions = statistics.FirstBugPreemptions.Reported,
            MaxStepsInIteration = statistics.MaxSteps,
            StepBoundHits = statistics.StepBoundHits,
            WorkerThreads = scheduler.WorkerThreads,
            Interrupted = interrupted,
            Elapsed = stopwatch.Elapsed,
            MinimizationElapsed = statistics.Minimization.Elapsed,
            BugMinimality = statistics.Minimization.Minimality,
        };
        progress.Finished(report);
        return report;
    }

    private static bool IsRace(ScheduleTrace? trace) =>
        string.Equals(trace?.Bug?.Kind, nameof(Detection.BugKind.DataRace), StringComparison.Ordinal);

    /// <summary>Minimizes the first bug's schedule (unless replaying or told not to) and keeps its trace.</summary>
    private void ReportFirstBug(ControlledScheduler scheduler, ISchedulingStrategy strategy, string strategyName, int iteration, IterationOutcome outcome, ScheduleTrace? replay, SchedulerOptions options, ExplorationStatistics statistics, ExplorationProgress progress)
    {
        var reported = outcome;
        if (replay is null && _configuration.MinimizeSchedules && outcome.Bug is { Kind: not Detection.BugKind.Hang } && !scheduler.IsBroken)
        {
            var minimizing = Stopwatch.StartNew();
            var minimized = ScheduleMinimizer.Minimize(scheduler, EntryInScope(), outcome, _target.BeforeIteration, _configuration.MinimizationBudget);
            statistics.Minimization = (minimizing.Elapsed, minimized.Minimality);
            reported = minimized.Outcome;
            scheduler.Use(strategy);
            statistics.ReplaceFirstBug(reported.Bug!);
            progress.Minimized(outcome, minimized);
        }

        statistics.FirstBugTrace = ToTrace(strategyName, iteration, reported, options);
        statistics.FirstBugPreemptions = (outcome.Preemptions, reported.Preemptions);
    }

    /// <summary>The target's entry, inside <see cref="TestConfiguration.IterationScope"/> when there is one.</summary>
    private Action EntryInScope()
    {
        var entry = _target.Entry;
        if (_configuration.IterationScope is not { } scope)
        {
            return entry;
        }

        return () =>
        {
            using var opened = scope();
            entry();
        };
    }

    private static string? CheckReplayEnd(ISchedulingStrategy strategy, IterationOutcome outcome, ScheduleTrace trace)
    {
        if (outcome.Divergence is not null)
        {
            return outcome.Divergence;
        }

        if (strategy is ReplayStrategy { Remaining: > 0 } replay)
        {
            return $"Replay diverged at step {trace.Steps.Count - replay.Remaining + 1}: the run ended, but the trace has {replay.Remaining} more steps.";
        }

        TraceBug? actual = ToTraceBug(outcome);
        return TraceBugs.Match(trace.Bug, actual)
            ? null
            : $"Replay diverged: the trace ends in {trace.Bug?.Describe() ?? "no bug"}, but the replay ended in {actual?.Describe() ?? "no bug"}.";
    }

    private static TraceBug? ToTraceBug(IterationOutcome outcome) => outcome.Bug is { } bug
        ? new TraceBug { Kind = bug.Kind.ToString(), Message = bug.Message, Operation = bug.Operation, Step = outcome.Schedule.Count, Race = bug.Race, Deadlock = bug.Deadlock }
        : null;

    /// <summary>Checks that <paramref name="trace"/> was recorded for this engine's assembly and method, with its rewriting settings.</summary>
    /// <exception cref="WorkloadException">The trace is for another assembly or method, or was recorded with memory access points on where this engine has them off (or the reverse).</exception>
    public void CheckReplayable(ScheduleTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (!string.Equals(trace.Assembly, _target.AssemblyName, StringComparison.Ordinal))
        {
            throw new WorkloadException($"the trace is for assembly '{trace.Assembly}', not '{_target.AssemblyName}'.");
        }

        if (!string.Equals(trace.Method, _target.Method, StringComparison.Ordinal))
        {
            throw new WorkloadException($"the trace is for method '{trace.Method}', not '{_target.Method}'.");
        }

        if (trace.Options.MemoryAccessPoints != _configuration.MemoryAccessPoints)
        {
            // The assembly was rewritten with other scheduling points: the replay could only diverge.
            throw new WorkloadException($"the trace was recorded with memory access points {OnOff(trace.Options.MemoryAccessPoints)}, but this engine rewrote the assembly with them {OnOff(_configuration.MemoryAccessPoints)}: replay with MemoryAccessPoints = {(trace.Options.MemoryAccessPoints ? "true" : "false")}.");
        }

        static string OnOff(bool on) => on ? "on" : "off";
    }

    private void CheckTraceMatches(ScheduleTrace trace)
    {
        CheckReplayable(trace);
        if (trace.Mvid != _target.Mvid)
        {
            // A rebuild (another path, configuration or compiler) changes the MVID without changing
            // the schedule; divergence detection catches a real change, so this only warns.
            _logger.LogWarning(
                "The trace was recorded against another build of {Assembly} (MVID {TraceMvid}, this one is {Mvid}); replaying anyway, divergence is checked at every step",
                trace.Assembly, trace.Mvid, _target.Mvid);
        }
    }

    private ScheduleTrace ToTrace(string strategy, int iteration, IterationOutcome outcome, SchedulerOptions options) => new()
    {
        Harness = s_harness,
        Assembly = _target.AssemblyName,
        Mvid = _target.Mvid,
        Method = _target.Method,
        Strategy = strategy,
        Seed = _configuration.Seed,
        Iteration = iteration,
        Options = new TraceSettings
        {
            MaxSteps = options.MaxSteps,
            FailOnMaxSteps = options.FailOnMaxSteps,
            MemoryAccessPoints = _configuration.MemoryAccessPoints,
            StoreBuffering = options.StoreBuffering,
            FairYields = options.FairYields,
        },
        Bug = ToTraceBug(outcome),
        Preemptions = outcome.Preemptions,
        Operations = outcome.Operations,
        Steps = [.. outcome.Schedule.Select(TraceStep.From)],
    };

    /// <summary>The file name a run gives the trace of its bug: "Type.Method.strategy.seedN.json".</summary>
    public static string TraceFileName(ScheduleTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        // "pct(3)" → "pct3", "portfolio rff" → "portfolio-rff".
        string strategy = new([.. trace.Strategy.Select(c => c == ' ' ? '-' : c).Where(c => char.IsLetterOrDigit(c) || c == '-')]);
        string method = string.Join('.', trace.Method.Split('(')[0].Split('.').TakeLast(2))
            + new string([.. trace.Method.SkipWhile(c => c != '(').Where(char.IsLetterOrDigit).Select(c => c)]);
        return $"{method}.{strategy}.seed{trace.Seed}.json";
    }

    /// <summary>Writes <paramref name="trace"/> into <paramref name="directory"/> under <see cref="TraceFileName"/> and returns its path.</summary>
    public static string WriteTraceFile(ScheduleTrace trace, string directory)
    {
        var path = Path.Combine(directory, TraceFileName(trace));
        TraceSerializer.WriteFile(trace, path);
        return path;
    }

    private string WriteTrace(ScheduleTrace trace, string directory)
    {
        var path = WriteTraceFile(trace, directory);
        _logger.LogInformation("Trace written to {TracePath}", path);
        return path;
    }
}
