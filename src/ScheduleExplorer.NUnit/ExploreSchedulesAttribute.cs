using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.NUnit;

/// <summary>
/// Runs an NUnit test under the controlled scheduler instead of once on real threads: its assembly
/// is rewritten in memory and the test body is explored for <see cref="Iterations"/> schedules.
/// The test fails with the bug report (its trace attached) when a schedule breaks it — or, with
/// <see cref="ExpectedBug"/>, passes only when that kind of bug is found (for known-buggy code
/// that must stay caught). When the run could not test the code (an uncontrolled API, iterations cut
/// off by the step bound, a hang in uncontrolled code) the test is inconclusive, with what and what to do.
/// </summary>
/// <example>
/// <code>
/// [Test, ExploreSchedules(Iterations = 1000, Strategy = StrategyKind.Pct)]
/// public void Transfer_KeepsTheTotal() { /* plain threads, locks, shared fields, Assert.That … */ }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ExploreSchedulesAttribute : NUnitAttribute, IWrapTestMethod, IApplyToTest
{
    /// <summary>
    /// The NUnit category every test with this attribute is in, so CI selects (or skips) exploration tests:
    /// <c>dotnet test --filter TestCategory=ScheduleExploration</c>.
    /// </summary>
    public const string Category = "ScheduleExploration";

    private int? _iterations;
    private string? _strategy;
    private double? _timeBudgetSeconds;

    /// <summary>
    /// Iterations (schedules) to explore; by default <c>SCHEDEX_ITERATIONS</c> or
    /// <see cref="TestConfiguration.DefaultIterations"/>. <c>SCHEDEX_ITERATIONS</c> raises a smaller value.
    /// </summary>
    public int Iterations
    {
        get => ExplorationDefaults.Iterations(_iterations);
        set => _iterations = value;
    }

    /// <summary>
    /// The exploration strategy's name (see <see cref="StrategyKind"/> and <see cref="Strategies.StrategyRegistry"/>);
    /// by default <c>SCHEDEX_STRATEGY</c> or <see cref="TestConfiguration.DefaultStrategy"/> (the portfolio). An unknown name fails the test with the known ones.
    /// </summary>
    public string Strategy
    {
        get => ExplorationDefaults.Strategy(_strategy);
        set => _strategy = value;
    }

    /// <summary>Seconds the exploration may take (it stops when spent); by default <c>SCHEDEX_TIME_BUDGET</c> or none (0).</summary>
    public double TimeBudgetSeconds
    {
        get => ExplorationDefaults.TimeBudget(_timeBudgetSeconds is { } s ? TimeSpan.FromSeconds(s) : null)?.TotalSeconds ?? 0;
        set => _timeBudgetSeconds = value > 0 ? value : null;
    }

    /// <summary>The strategy bound (PCT depth, probabilistic's b, delay bounding's delays); 0, the default, for the strategy's own default.</summary>
    public int StrategyBound { get; set; }

    /// <summary>The seed; the same seed explores the same schedules.</summary>
    public long Seed { get; set; }

    /// <summary>Scheduling steps per iteration before it is cut off (default 1,000,000); a cut-off makes the test inconclusive.</summary>
    public int MaxSteps { get; set; } = new TestConfiguration().MaxSteps;

    /// <summary>Whether reaching <see cref="MaxSteps"/> is a livelock bug (instead of an inconclusive test).</summary>
    public bool FailOnMaxSteps { get; set; }

    /// <summary>Seconds without scheduling progress before the run ends as inconclusive: a hang in uncontrolled code (default 5).</summary>
    public double HangTimeoutSeconds { get; set; } = new TestConfiguration().HangTimeout.TotalSeconds;

    /// <summary>Whether data races are reported when nothing fails (default true); see <see cref="TestConfiguration.DetectDataRaces"/>.</summary>
    public bool DetectDataRaces { get; set; } = true;

    /// <summary>Whether stores may stay in per-thread store buffers (default true); see <see cref="TestConfiguration.StoreBuffering"/>.</summary>
    public bool StoreBuffering { get; set; } = true;

    /// <summary>Whether an operation yielding again waits for the others to run (default true); see <see cref="TestConfiguration.FairYields"/>.</summary>
    public bool FairYields { get; set; } = true;

    /// <summary>Locations whose races are accepted ("Namespace.Type.field", "T[]"); see <see cref="TestConfiguration.BenignRaces"/>.</summary>
    public string[] BenignRaces { get; set; } = [];

    /// <summary>When set, the test passes only if a bug of this kind is found.</summary>
    public BugKind ExpectedBug { get; set; } = (BugKind)(-1);

    /// <inheritdoc/>
    public void ApplyToTest(Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (!test.Properties[PropertyNames.Category].Contains(Category))
        {
            test.Properties.Add(PropertyNames.Category, Category);
        }
    }

    /// <inheritdoc/>
    public TestCommand Wrap(TestCommand command) => new ExploreCommand(command.Test, this);

    internal TestConfiguration ToConfiguration() => new()
    {
        Iterations = Iterations,
        Strategy = Strategy,
        StrategyBound = StrategyBound > 0 ? StrategyBound : null,
        Seed = unchecked((ulong)Seed),
        MaxSteps = MaxSteps,
        FailOnMaxSteps = FailOnMaxSteps,
        DetectDataRaces = DetectDataRaces,
        BenignRaces = BenignRaces,
        StoreBuffering = StoreBuffering,
        FairYields = FairYields,
        HangTimeout = TimeSpan.FromSeconds(HangTimeoutSeconds),
        Timeout = TimeBudgetSeconds > 0 ? TimeSpan.FromSeconds(TimeBudgetSeconds) : null,
    };

    /// <summary>Replaces running the test method with exploring it.</summary>
    private sealed class ExploreCommand(Test test, ExploreSchedulesAttribute settings) : TestCommand(test)
    {
        public override TestResult Execute(TestExecutionContext context)
        {
            var method = Test.Method?.MethodInfo
                ?? throw new InvalidOperationException("[ExploreSchedules] applies to test methods only.");
            if (method.GetParameters().Length > 0)
            {
                context.CurrentResult.SetResult(ResultState.NotRunnable, "[ExploreSchedules] tests take no parameters.");
                return context.CurrentResult;
            }

            var report = ControlledTest.Explore(method.DeclaringType!, method.Name, settings.ToConfiguration());
            bool expectsBug = Enum.IsDefined(settings.ExpectedBug);
            if (expectsBug && report.Bug?.Kind == settings.ExpectedBug)
            {
                context.CurrentResult.SetResult(ResultState.Success);
            }
            else if (report.Bug is null && report.CouldNotTest is { } couldNotTest)
            {
                context.CurrentResult.SetResult(ResultState.Inconclusive, couldNotTest.Summary);
            }
            else if (expectsBug)
            {
                context.CurrentResult.SetResult(
                    ResultState.Failure,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a {settings.ExpectedBug} bug, but {(report.Bug is { } bug ? $"found {bug.Kind}: {bug.Message}" : $"{report.Iterations:N0} iterations found none")}."));
            }
            else if (report.Bug is not null)
            {
                context.CurrentResult.SetResult(ResultState.Failure, Reporting.BugReportWriter.Format(report, ControlledTest.ReplayCommand(method.DeclaringType!, report)));
            }
            else
            {
                context.CurrentResult.SetResult(ResultState.Success);
            }

            return context.CurrentResult;
        }
    }
}
