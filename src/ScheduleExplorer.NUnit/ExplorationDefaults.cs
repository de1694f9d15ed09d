using System.Globalization;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.NUnit;

/// <summary>
/// Budgets from the environment, so a nightly CI job explores longer without a code change:
/// <c>SCHEDEX_ITERATIONS</c> (the iterations of a test that sets none, and at least that many for
/// one that does: it raises budgets, never lowers them), <c>SCHEDEX_STRATEGY</c> (a strategy name from
/// <see cref="Strategies.StrategyRegistry"/>, for a test that sets none) and <c>SCHEDEX_TIME_BUDGET</c> (seconds per test, for a test that sets none).
/// </summary>
internal static class ExplorationDefaults
{
    /// <summary>The iterations variable.</summary>
    public const string IterationsVariable = "SCHEDEX_ITERATIONS";

    /// <summary>The strategy variable.</summary>
    public const string StrategyVariable = "SCHEDEX_STRATEGY";

    /// <summary>The time budget variable (seconds).</summary>
    public const string TimeBudgetVariable = "SCHEDEX_TIME_BUDGET";

    /// <summary>The iterations to run: the test's own (raised to the environment's), or the environment's, or the default.</summary>
    /// <exception cref="ArgumentException">The variable is not a positive whole number.</exception>
    public static int Iterations(int? own)
    {
        int? fromEnvironment = Read<int>(IterationsVariable, text => int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out int n) && n >= 1 ? n : null, "a whole number of iterations of at least 1");
        return own is { } given ? Math.Max(given, fromEnvironment ?? 0) : fromEnvironment ?? TestConfiguration.DefaultIterations;
    }

    /// <summary>The strategy: the test's own, or the environment's, or <see cref="TestConfiguration.DefaultStrategy"/>.</summary>
    /// <exception cref="ArgumentException">The variable names no strategy.</exception>
    public static string Strategy(string? own) => own ?? ReadStrategy() ?? TestConfiguration.DefaultStrategy;

    /// <summary>The time budget: the test's own, or the environment's, or none.</summary>
    /// <exception cref="ArgumentException">The variable is not a positive number of seconds.</exception>
    public static TimeSpan? TimeBudget(TimeSpan? own) =>
        own ?? (Read<double>(TimeBudgetVariable, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 && double.IsFinite(s) ? s : (double?)null, "a positive number of seconds") is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : null);

    /// <summary>The configuration of a test that gives none: every default, the environment's budgets applied.</summary>
    public static TestConfiguration Configuration() => new()
    {
        Iterations = Iterations(null),
        Strategy = Strategy(null),
        Timeout = TimeBudget(null),
    };

    private static string? ReadStrategy()
    {
        string? text = Environment.GetEnvironmentVariable(StrategyVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Strategies.StrategyRegistry.Find(text)?.Name
            ?? throw new ArgumentException($"{StrategyVariable}='{text}' names no strategy: use {Strategies.StrategyRegistry.Names}.");
    }

    private static T? Read<T>(string variable, Func<string, T?> parse, string expected)
        where T : struct
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return parse(text.Trim()) ?? throw new ArgumentException($"{variable}='{text}' is not {expected}.");
    }
}
