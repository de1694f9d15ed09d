using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli;

/// <summary>
/// Factories for the options several commands share. Each option parses and range-checks its own
/// value, so a bad value is a parse error (exit code 2) naming the option, before anything runs.
/// </summary>
internal static class CliOptions
{
    /// <summary>The verbosity names, in increasing order of detail.</summary>
    public const string VerbosityNames = "quiet|minimal|normal|detailed";

    /// <summary>An integer option with a lower bound.</summary>
    public static Option<int> Int(string name, string? alias, int defaultValue, int minimum, string description)
    {
        var option = new Option<int>(name, Aliases(alias))
        {
            Description = description,
            HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = result =>
        {
            string token = LastToken(result);
            if (!int.TryParse(token, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out int value))
            {
                result.AddError($"{name}: '{token}' is not a whole number.");
                return defaultValue;
            }

            if (value < minimum)
            {
                result.AddError($"{name} must be at least {minimum}, got {value}.");
            }

            return value;
        };
        return option;
    }

    /// <summary>The <c>--seed</c> option: an unsigned 64-bit seed, 0 by default.</summary>
    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "Seed of the exploration: the same seed gives the same schedules and traces.",
        HelpName = "S",
        DefaultValueFactory = _ => 0UL,
        CustomParser = result =>
        {
            string token = LastToken(result);
            if (!ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            {
                result.AddError($"--seed: '{token}' is not a seed (a whole number from 0 to {ulong.MaxValue}).");
            }

            return seed;
        },
    };

    /// <summary>
    /// The <c>-s|--strategy</c> option: a name from <see cref="StrategyRegistry"/>; read it with
    /// <see cref="GetStrategy"/>. An unknown name is a parse error listing the known ones.
    /// </summary>
    public static Option<string> Strategy() => Choice("--strategy", "-s", TestConfiguration.DefaultStrategy, string.Join('|', StrategyRegistry.All.Select(s => s.Name)),
        "Exploration strategy: " + string.Join("; ", StrategyRegistry.All) + ".",
        token => ParseStrategy(token) is not null, "unknown strategy '{0}': use " + StrategyRegistry.Names.Replace("{", "{{", StringComparison.Ordinal) + ".");

    /// <summary>The strategy name an option made by <see cref="Strategy"/> holds.</summary>
    public static string GetStrategy(this ParseResult parse, Option<string> option) =>
        ParseStrategy(parse.GetRequiredValue(option)) ?? TestConfiguration.DefaultStrategy;

    /// <summary>The longest <c>--timeout</c>: one year (a larger number would overflow a <see cref="TimeSpan"/>).</summary>
    public const double MaxTimeoutSeconds = 31_536_000;

    /// <summary>The <c>-t|--timeout</c> option: a time budget in seconds, or none.</summary>
    public static Option<double?> TimeoutSeconds() => new("--timeout", "-t", "--time-budget")
    {
        Description = "Time budget of the run in seconds; exploration stops when it is spent.",
        HelpName = "SEC",
        CustomParser = result =>
        {
            string token = LastToken(result);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds))
            {
                result.AddError($"--timeout: '{token}' is not a number of seconds.");
                return null;
            }

            if (seconds <= 0 || seconds > MaxTimeoutSeconds)
            {
                result.AddError($"--timeout must be more than 0 and at most {MaxTimeoutSeconds:0} seconds, got {token}.");
            }

            return seconds;
        },
    };

    /// <summary>The <c>--hang-timeout</c> option: seconds without scheduling progress before a run is "could not test" (a hang in uncontrolled code).</summary>
    public static Option<double> HangTimeoutSeconds() => new("--hang-timeout")
    {
        Description = "Seconds without scheduling progress after which the run ends with \"could not test\": the workload hangs in code the runtime does not control.",
        HelpName = "SEC",
        DefaultValueFactory = _ => new TestConfiguration().HangTimeout.TotalSeconds,
        CustomParser = result =>
        {
            string token = LastToken(result);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds))
            {
                result.AddError($"--hang-timeout: '{token}' is not a number of seconds.");
                return 0;
            }

            if (seconds <= 0 || seconds > 86_400)
            {
                result.AddError($"--hang-timeout must be more than 0 and at most 86400 seconds, got {token}.");
            }

            return seconds;
        },
    };

    /// <summary>The <c>-o|--outdir</c> option: where bug traces are written.</summary>
    public static Option<string> TracesDirectory(string name = "--outdir", string? alias = "-o") => new(name, Aliases(alias))
    {
        Description = "Folder the bug traces are written to (created when needed).",
        HelpName = "DIR",
        DefaultValueFactory = _ => "traces",
    };

    /// <summary>The <c>-v|--verbosity</c> option; read it, as a log level, with <see cref="GetLogLevel"/>.</summary>
    public static Option<string> Verbosity(string defaultName) => Choice("--verbosity", "-v", defaultName, VerbosityNames,
        "Log detail on standard error: quiet, minimal, normal (progress) or detailed.",
        token => ParseVerbosity(token) is not null, "unknown verbosity '{0}': use quiet, minimal, normal or detailed.");

    /// <summary>The log level an option made by <see cref="Verbosity"/> holds (quiet is <see cref="LogLevel.None"/>).</summary>
    public static LogLevel GetLogLevel(this ParseResult parse, Option<string> option) =>
        ParseVerbosity(parse.GetRequiredValue(option)) ?? LogLevel.Information;

    /// <summary>Parses a strategy name (case-insensitive); null when unknown.</summary>
    public static string? ParseStrategy(string name) => StrategyRegistry.Find(name)?.Name;

    /// <summary>Parses a verbosity name or its first letter (as dotnet does); null when unknown.</summary>
    public static LogLevel? ParseVerbosity(string name) => name.ToLowerInvariant() switch
    {
        "q" or "quiet" => LogLevel.None,
        "m" or "minimal" => LogLevel.Warning,
        "n" or "normal" => LogLevel.Information,
        "d" or "detailed" or "diag" or "diagnostic" => LogLevel.Debug,
        _ => null,
    };

    private static Option<string> Choice(string name, string alias, string defaultName, string helpName, string description, Func<string, bool> isValid, string error) =>
        new(name, alias)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultName,
            CustomParser = result =>
            {
                string token = LastToken(result);
                if (!isValid(token))
                {
                    result.AddError(string.Format(CultureInfo.InvariantCulture, error, token));
                }

                return token.ToLowerInvariant();
            },
        };

    private static string[] Aliases(string? alias) => alias is null ? [] : [alias];

    private static string LastToken(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
