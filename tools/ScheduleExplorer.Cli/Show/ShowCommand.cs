using System.CommandLine;
using System.Globalization;
using System.Text;
using ScheduleExplorer.Cli.Commands;
using ScheduleExplorer.Reporting.Timeline;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Show;

/// <summary>
/// <c>schedex show &lt;trace.json|token&gt;</c>: the whole trace as lanes, one per operation, with every
/// scheduling point, its source line and text, wake-ups, preemptions and the racing accesses or the
/// deadlock cycle marked; as text (to standard output) or as a self-contained HTML page (<c>--html</c>).
/// Needs no assembly: the trace and the source files are enough.
/// </summary>
internal sealed class ShowCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string> _trace = new("trace") { Description = "A trace file (.json) or a trace token (schedex1:…)." };
    private readonly Option<StepRange> _steps = StepRange.Option();
    private readonly Option<string[]> _operations = new("--operation")
    {
        Description = "Show only this operation (its id, such as 2 or #2, or its name); repeat for several.",
        HelpName = "id|name",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _html = new("--html") { Description = "Write the trace as a self-contained HTML page with a zoomable timeline to this file.", HelpName = "FILE.html" };
    private readonly Option<string[]> _sources = new("--source")
    {
        Description = "Folder searched for the source files the trace's sites name (repeatable; default: the current folder).",
        HelpName = "DIR",
    };

    private readonly Option<int> _width = CliOptions.Int("--width", null, 120, 60, "Columns of the text rendering.");

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public ShowCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("show", "Show a trace as per-operation lanes: who ran when, each scheduling point with its source line, wake-ups, preemptions, the racing accesses or the deadlock cycle. Text by default; --html writes a page.")
        {
            _trace, _steps, _operations, _html, _sources, _width,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>The line bug reports end with, pointing to this command for <paramref name="traceOrToken"/>.</summary>
    public static string Hint(string traceOrToken) => $"Show the whole schedule: schedex show {CommandLineText.Quote(traceOrToken)} (--html page.html for a page)";

    private int Execute(ParseResult parse)
    {
        ScheduleTrace trace = ReplayCommand.ReadTrace(parse.GetRequiredValue(_trace));
        var range = parse.GetValue(_steps);
        if (range.First is { } first && first > trace.Steps.Count)
        {
            return _console.Fail(string.Create(CultureInfo.InvariantCulture, $"--steps starts at {first}, but the trace has {trace.Steps.Count} steps."));
        }

        string[] sources = parse.GetValue(_sources) is { Length: > 0 } given ? given : [Directory.GetCurrentDirectory()];
        if (sources.FirstOrDefault(s => !Directory.Exists(s)) is { } missing)
        {
            return _console.Fail($"--source: folder not found: {missing}");
        }

        var options = new TraceViewOptions
        {
            Width = parse.GetValue(_width),
            FirstStep = range.First,
            LastStep = range.Last,
            Operations = ResolveOperations(trace, parse.GetValue(_operations) ?? []),
            SourceRoots = sources,
        };
        if (parse.GetValue(_html) is { } htmlPath)
        {
            CliPaths.CheckOutputFile(htmlPath, "page");
            Common.AtomicFile.WriteAllBytes(Path.GetFullPath(htmlPath), new UTF8Encoding(false).GetBytes(TraceViews.Html(trace, options)));
            _console.Out.WriteLine($"Wrote {Path.GetFullPath(htmlPath)}");
            return ExitCodes.NoBug;
        }

        _console.Out.WriteLine(TraceViews.Text(trace, options));
        return ExitCodes.NoBug;
    }

    private static int[] ResolveOperations(ScheduleTrace trace, string[] names)
    {
        var ids = new List<int>();
        foreach (string name in names)
        {
            string text = name.TrimStart('#');
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int id) && id < trace.Operations.Count)
            {
                ids.Add(id);
                continue;
            }

            var matches = Enumerable.Range(0, trace.Operations.Count).Where(i => string.Equals(trace.Operations[i], name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                throw new ArgumentException($"--operation: the trace has no operation '{name}' (it has {string.Join(", ", trace.Operations.Select((o, i) => $"#{i} {o}"))}).");
            }

            ids.AddRange(matches);
        }

        return [.. ids.Distinct().Order()];
    }
}
