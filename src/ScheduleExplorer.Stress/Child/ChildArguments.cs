using System.Globalization;
using ScheduleExplorer.Stress.Running;

namespace ScheduleExplorer.Stress.Child;

/// <summary>What the parent tells the child: which entry, its sizes and how long to repeat it.</summary>
internal sealed record ChildArguments(string AssemblyPath, string Method, int? Threads, int? Size, StressOptions Options)
{
    /// <summary>The first argument that makes the Stress assembly act as a child.</summary>
    public const string Flag = "--child";

    private const string None = "-";

    /// <summary>The arguments after <see cref="Flag"/>.</summary>
    public IEnumerable<string> ToArguments()
    {
        var culture = CultureInfo.InvariantCulture;
        yield return AssemblyPath;
        yield return Method;
        yield return Threads?.ToString(culture) ?? None;
        yield return Size?.ToString(culture) ?? None;
        yield return Options.Repetitions.ToString(culture);
        yield return Options.Duration?.TotalSeconds.ToString("R", culture) ?? None;
        yield return Options.Warmup.ToString(culture);
    }

    /// <summary>Parses what <see cref="ToArguments"/> wrote.</summary>
    /// <exception cref="FormatException">The arguments are not the parent's.</exception>
    public static ChildArguments Parse(IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 7)
        {
            throw new FormatException($"the child expects 7 arguments, got {arguments.Count}");
        }

        var culture = CultureInfo.InvariantCulture;
        int? Optional(string text) => text == None ? null : int.Parse(text, culture);
        return new ChildArguments(arguments[0], arguments[1], Optional(arguments[2]), Optional(arguments[3]), new StressOptions
        {
            Repetitions = int.Parse(arguments[4], culture),
            Duration = arguments[5] == None ? null : TimeSpan.FromSeconds(double.Parse(arguments[5], culture)),
            Warmup = int.Parse(arguments[6], culture),
        });
    }
}
