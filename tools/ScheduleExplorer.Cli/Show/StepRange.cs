using System.CommandLine;
using System.Globalization;

namespace ScheduleExplorer.Cli.Show;

/// <summary><c>--steps a..b</c>: the 1-based, inclusive range of steps to show (<c>a..</c> and <c>..b</c> leave one end open).</summary>
internal readonly record struct StepRange(int? First, int? Last)
{
    /// <summary>The <c>--steps</c> option; a malformed range is a parse error naming the option.</summary>
    public static Option<StepRange> Option() => new("--steps")
    {
        Description = "Show only steps a..b (1-based, inclusive; 'a..' or '..b' leave one end open).",
        HelpName = "a..b",
        DefaultValueFactory = _ => default,
        CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (TryParse(token, out var range))
            {
                return range;
            }

            result.AddError($"--steps: '{token}' is not a range a..b of step numbers (for example 10..40) with 1 <= a <= b.");
            return default;
        },
    };

    /// <summary>Parses "a..b", "a.." or "..b".</summary>
    public static bool TryParse(string text, out StepRange range)
    {
        range = default;
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0 || text.Length == 2)
        {
            return false;
        }

        int? first = null, last = null;
        if (dots > 0)
        {
            if (!int.TryParse(text.AsSpan(0, dots), NumberStyles.None, CultureInfo.InvariantCulture, out int a) || a < 1)
            {
                return false;
            }

            first = a;
        }

        if (dots + 2 < text.Length)
        {
            if (!int.TryParse(text.AsSpan(dots + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int b) || b < 1)
            {
                return false;
            }

            last = b;
        }

        if (first > last)
        {
            return false;
        }

        range = new StepRange(first, last);
        return true;
    }
}
