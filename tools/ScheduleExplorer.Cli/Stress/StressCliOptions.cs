using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ScheduleExplorer.Stress.Reporting;

namespace ScheduleExplorer.Cli.Stress;

/// <summary>Options of <c>stress</c> and <c>demo</c> that are optional numbers (no value means "not given").</summary>
internal static class StressCliOptions
{
    /// <summary>An optional whole number with bounds; a bad value is a parse error naming the option.</summary>
    public static Option<int?> Int(string name, string? alias, int minimum, int maximum, string description, string helpName = "N")
    {
        var option = new Option<int?>(name, alias is null ? [] : [alias]) { Description = description, HelpName = helpName };
        option.CustomParser = result =>
        {
            string token = LastToken(result);
            if (!int.TryParse(token, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out int value))
            {
                result.AddError($"{name}: '{token}' is not a whole number.");
                return null;
            }

            if (value < minimum || value > maximum)
            {
                result.AddError($"{name} must be from {minimum:N0} to {maximum:N0}, got {value:N0}.");
            }

            return value;
        };
        return option;
    }

    /// <summary>An optional positive number (seconds, milliseconds) up to <paramref name="maximum"/>.</summary>
    public static Option<double?> Positive(string name, double maximum, string description, string helpName)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = helpName };
        option.CustomParser = result =>
        {
            string token = LastToken(result);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                result.AddError($"{name}: '{token}' is not a number.");
                return null;
            }

            if (value <= 0 || value > maximum)
            {
                result.AddError($"{name} must be positive and at most {maximum.ToString(CultureInfo.InvariantCulture)}, got {token}.");
            }

            return value;
        };
        return option;
    }

    /// <summary>The <c>--report FILE.json</c> option.</summary>
    public static Option<string?> Report() => new("--report") { Description = "Also write the result as JSON to this file.", HelpName = "FILE.json" };

    /// <summary>The <c>--chart FILE.svg</c> option.</summary>
    public static Option<string?> Chart(string what) => new("--chart") { Description = $"Also draw {what} as an SVG chart in this file.", HelpName = "FILE.svg" };

    /// <summary>Checks that the report and chart files can be written before anything runs.</summary>
    public static void PrepareOutputs(string? report, string? chart)
    {
        if (report is not null)
        {
            CliPaths.CheckOutputFile(report, "report");
        }

        if (chart is not null)
        {
            CliPaths.CheckOutputFile(chart, "chart");
        }
    }

    /// <summary>Saves <paramref name="chart"/> to <paramref name="path"/> and says so on <paramref name="output"/>.</summary>
    public static void Save(SvgChart chart, string path, TextWriter output)
    {
        chart.Save(path);
        output.WriteLine($"Chart written to {path}");
    }

    private static string LastToken(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
