using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Coyote;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using CoyoteEngine = Microsoft.Coyote.SystematicTesting.TestingEngine;

namespace ScheduleExplorer.Coyote;

/// <summary>
/// Runs a test entry of a workload assembly under Microsoft Coyote's
/// <see cref="CoyoteEngine"/>, on the copy rewritten by Coyote's own rewriter, and reports in
/// ScheduleExplorer's shape. <see cref="Run"/> explores; <see cref="Replay"/> runs a Coyote trace again.
/// </summary>
public sealed class CoyoteTestingEngine
{
    private readonly CoyoteTestConfiguration _configuration;
    private readonly CoyoteEntry _entry;
    private readonly ILogger _logger;

    private CoyoteTestingEngine(CoyoteTestConfiguration configuration, CoyoteEntry entry, ILogger logger)
    {
        _configuration = configuration;
        _entry = entry;
        _logger = logger;
    }

    /// <summary>The entry's full name.</summary>
    public string Method => _entry.Name;

    /// <summary>Rewrites <paramref name="assemblyPath"/> with Coyote (once per process) and finds <paramref name="method"/> in it.</summary>
    /// <exception cref="Testing.WorkloadException">The assembly or the entry cannot be found, or Coyote cannot rewrite it.</exception>
    public static CoyoteTestingEngine Create(CoyoteTestConfiguration configuration, string assemblyPath, string method, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        Assembly assembly = CoyoteRewriter.Load(assemblyPath);
        ILogger logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("ScheduleExplorer.Coyote");
        return new CoyoteTestingEngine(configuration, CoyoteEntry.Resolve(assembly, method), logger);
    }

    /// <summary>Explores up to the configured iterations, stopping at the first bug; writes its Coyote trace when a traces folder is set.</summary>
    public CoyoteTestReport Run()
    {
        Configuration coyote = Configure(Configuration.Create());
        CoyoteTestReport report = Execute(coyote, StrategyName(_configuration.Strategy));
        if (report.BugFound && _configuration.TracesDirectory is { } directory && report.ReproducibleTrace.Length > 0)
        {
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, TraceFileName(report));
            File.WriteAllText(path, report.ReproducibleTrace);
            report = report with { TracePath = path };
        }

        return report;
    }

    /// <summary>Replays a Coyote reproducible trace (the JSON text of a <c>.trace</c> file); the report's bug is the one reproduced.</summary>
    public CoyoteTestReport Replay(string reproducibleTrace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reproducibleTrace);
        Configuration coyote = Configure(Configuration.Create()).WithReproducibleTrace(reproducibleTrace);
        return Execute(coyote, "replay");
    }

    /// <summary>"LostUpdate.Unsynchronized.coyote.random.seed0.trace": a stable name per entry, strategy and seed.</summary>
    public static string TraceFileName(CoyoteTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string name = string.Concat(report.Method.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return string.Create(CultureInfo.InvariantCulture, $"{name}.coyote.{report.Strategy}.seed{report.Seed}.trace");
    }

    /// <summary>Coyote's name of <paramref name="strategy"/>.</summary>
    public static string StrategyName(CoyoteStrategy strategy) => strategy switch
    {
        CoyoteStrategy.Prioritization => "prioritization",
        CoyoteStrategy.Probabilistic => "probabilistic",
        CoyoteStrategy.Dfs => "dfs",
        CoyoteStrategy.Portfolio => "portfolio",
        _ => "random",
    };

    private Configuration Configure(Configuration coyote)
    {
        coyote = coyote
            .WithTestingIterations((uint)_configuration.Iterations)
            .WithRandomGeneratorSeed(_configuration.Seed)
            .WithMemoryAccessRaceCheckingEnabled(_configuration.MemoryAccessRaces)
            .WithTelemetryEnabled(false)
            .WithConsoleLoggingEnabled(false);
        if (_configuration.MaxSteps is { } steps)
        {
            coyote = coyote.WithMaxSchedulingSteps((uint)steps);
        }

        uint bound = (uint)_configuration.StrategyBound;
        return _configuration.Strategy switch
        {
            CoyoteStrategy.Random => coyote.WithRandomStrategy(),
            CoyoteStrategy.Prioritization => coyote.WithPrioritizationStrategy(isFair: false, priorityChangeBound: bound),
            CoyoteStrategy.Probabilistic => coyote.WithProbabilisticStrategy(bound),
            CoyoteStrategy.Dfs => CoyoteInternals.WithDfsStrategy(coyote),
            _ => coyote, // Portfolio: Coyote's default.
        };
    }

    private CoyoteTestReport Execute(Configuration coyote, string strategy)
    {
        using CoyoteEngine engine = _entry.IsAsync ? CoyoteEngine.Create(coyote, _entry.AsFunc()) : CoyoteEngine.Create(coyote, _entry.AsAction());
        engine.SetLogger(new CoyoteLogger(_logger));
        int iterations = 0;
        var stopwatch = Stopwatch.StartNew();
        engine.RegisterStartIterationCallBack(_ => iterations++);
        if (_configuration.Timeout is { } timeout)
        {
            engine.RegisterEndIterationCallBack(_ =>
            {
                if (stopwatch.Elapsed >= timeout)
                {
                    engine.Stop();
                }
            });
        }

        engine.Run();
        stopwatch.Stop();
        var coyoteReport = engine.TestReport;
        string? bug = coyoteReport.NumOfFoundBugs > 0 ? coyoteReport.BugReports.FirstOrDefault() ?? "bug" : null;
        return new CoyoteTestReport
        {
            Method = _entry.Name,
            Strategy = strategy,
            Seed = _configuration.Seed,
            Iterations = iterations,
            FirstBugIteration = bug is null ? null : iterations,
            BugMessage = bug,
            ReproducibleTrace = engine.ReproducibleTrace ?? string.Empty,
            UncontrolledInvocations = [.. coyoteReport.UncontrolledInvocations.Order(StringComparer.Ordinal)],
            TotalSteps = (long)coyoteReport.TotalExploredFairSteps + coyoteReport.TotalExploredUnfairSteps,
            Elapsed = stopwatch.Elapsed,
        };
    }
}
