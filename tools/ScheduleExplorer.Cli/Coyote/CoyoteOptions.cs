using System.CommandLine;
using System.Globalization;
using ScheduleExplorer.Coyote;

namespace ScheduleExplorer.Cli.Coyote;

/// <summary>
/// The options that send <c>test</c>, <c>replay</c> and <c>hunt</c> to Microsoft Coyote's engine:
/// <c>--engine coyote</c>, <c>--coyote-strategy</c> and <c>--memory-access-races</c>.
/// </summary>
internal static class CoyoteOptions
{
    /// <summary>The engine name that selects Coyote.</summary>
    public const string CoyoteEngine = "coyote";

    /// <summary><c>--engine schedex|coyote</c>: which engine explores (ScheduleExplorer by default).</summary>
    public static Option<string> Engine() => new("--engine")
    {
        Description = "The engine: schedex (default) or coyote (Microsoft Coyote 1.7.11's TestingEngine on the Coyote-rewritten assembly; with coyote, replay takes a Coyote .trace file).",
        HelpName = "schedex|coyote",
        DefaultValueFactory = _ => "schedex",
        CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value.ToLowerInvariant() : "schedex";
            if (token is not ("schedex" or CoyoteEngine))
            {
                result.AddError($"unknown engine '{token}': use schedex or coyote.");
            }

            return token;
        },
    };

    /// <summary><c>--coyote-strategy</c>: one of Coyote's strategies; by default the one -s names (random, pct → prioritization, dfs), random without -s.</summary>
    public static Option<string?> Strategy() => new("--coyote-strategy")
    {
        Description = "With --engine coyote: random, prioritization, probabilistic, dfs or portfolio (default: the strategy -s names, pct being prioritization; random when -s is not given).",
        HelpName = "name",
        CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value.ToLowerInvariant() : string.Empty;
            if (Parse(token) is null)
            {
                result.AddError($"unknown Coyote strategy '{token}': use random, prioritization, probabilistic, dfs or portfolio.");
            }

            return token;
        },
    };

    /// <summary><c>--memory-access-races</c>: Coyote's opt-in scheduling points at plain field and array accesses.</summary>
    public static Option<bool> MemoryAccessRaces() => new("--memory-access-races")
    {
        Description = "With --engine coyote: explore races at plain field and array accesses (Coyote's --enable-memory-access-races; off by default, as in Coyote).",
    };

    /// <summary>Whether <paramref name="engine"/> selects Coyote.</summary>
    public static bool IsCoyote(this ParseResult parse, Option<string> engine) =>
        string.Equals(parse.GetValue(engine), CoyoteEngine, StringComparison.Ordinal);

    /// <summary>The Coyote strategy for a ScheduleExplorer strategy name or a Coyote one; null when unknown.</summary>
    public static CoyoteStrategy? Parse(string name) => name.ToLowerInvariant() switch
    {
        "random" => CoyoteStrategy.Random,
        "pct" or "prioritization" => CoyoteStrategy.Prioritization,
        "probabilistic" => CoyoteStrategy.Probabilistic,
        "dfs" => CoyoteStrategy.Dfs,
        "portfolio" => CoyoteStrategy.Portfolio,
        _ => null,
    };

    /// <summary>"1,234" in the invariant culture.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
