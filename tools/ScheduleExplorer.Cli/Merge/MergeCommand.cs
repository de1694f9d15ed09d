using System.CommandLine;
using System.Globalization;
using ScheduleExplorer.Cli.Reports;

namespace ScheduleExplorer.Cli.Merge;

/// <summary>
/// <c>schedex merge shard1.json shard2.json … --report merged.json --junit merged.xml</c>: the reports
/// of the shards of one <c>schedex test --shard k/n</c> run, merged into the report and JUnit file one
/// machine running every iteration would have written. Exit code as the merged run's: 0 no bug, 1 bug, 3 could not test.
/// </summary>
internal sealed class MergeCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string[]> _inputs = new("reports") { Description = "The shards' --report files (any order).", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string?> _report = new("--report") { Description = "Write the merged report (JSON) to this file.", HelpName = "FILE.json" };
    private readonly Option<string?> _junit = new("--junit") { Description = "Write the merged result as JUnit XML to this file.", HelpName = "FILE.xml" };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public MergeCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("merge", "Merge the --report files of the shards of one 'schedex test --shard k/n' run into one report and one JUnit file, equal to a single machine's run (exit 0 no bug, 1 bug, 2 bad input, 3 could not test).")
        {
            _inputs, _report, _junit,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parse)
    {
        var shards = parse.GetRequiredValue(_inputs).Select(path => (path, RunSummaryFile.Read(path))).ToList();
        RunSummary merged = ShardMerge.Merge(shards);
        if (parse.GetValue(_report) is { } reportPath)
        {
            RunSummaryFile.Write(reportPath, merged);
        }

        if (parse.GetValue(_junit) is { } junitPath)
        {
            JUnitReport.Write(junitPath, "schedex test", [ShardMerge.JUnitCase(merged)]);
        }

        var culture = CultureInfo.InvariantCulture;
        _console.Out.WriteLine(string.Create(culture, $"Merged {shards.Count} shards of {merged.Method} ({merged.Strategy}, seed {merged.Seed}): {merged.Verdict}, {merged.Iterations:N0} iterations, {merged.TotalSteps:N0} steps."));
        if (merged.Text is { } text)
        {
            _console.Out.WriteLine(text);
        }

        return merged.Verdict switch
        {
            "bug" => ExitCodes.BugFound,
            "could not test" => ExitCodes.CouldNotTest,
            _ => ExitCodes.NoBug,
        };
    }
}
