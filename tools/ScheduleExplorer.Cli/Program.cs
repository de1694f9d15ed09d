using System.CommandLine;
using System.CommandLine.Help;
using ScheduleExplorer.Cli.Commands;
using ScheduleExplorer.Cli.Stress;
using ScheduleExplorer.Rewriting;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli;

/// <summary>
/// The <c>schedex</c> entry point. Exit codes: 0 no bug, 1 bug found, 2 bad usage or input (with one
/// <c>schedex: error: …</c> line on standard error and no stack trace), 3 could not test.
/// </summary>
internal static class Program
{
    /// <summary>Runs the command line against the process's console; a child of another schedex first ties itself to it.</summary>
    public static int Main(string[] args)
    {
        Common.ParentDeath.TieToParent();
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs the command line in-process, writing results to <paramref name="stdout"/> and errors to <paramref name="stderr"/>.</summary>
    /// <returns>The exit code.</returns>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdout, stderr);
        Command root = CreateRootCommand(console);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would print every error and the help, and exit with 1 (our "bug found").
            string command = parse.CommandResult.Command == root ? root.Name : $"{root.Name} {parse.CommandResult.Command.Name}";
            return console.Fail($"{MostSpecific(parse)} (see '{command} --help')");
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsBadInput(e))
        {
            return console.Fail(e.Message);
        }
        catch (Exception e)
        {
            // A bug in schedex or the engine, not in the input: the stack trace is what a maintainer needs.
            stderr.WriteLine($"schedex: internal error: {e.GetType().Name}: {CliConsole.FirstLine(e.Message)}");
            stderr.WriteLine(e);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The root command with its verbs: test, replay, rewrite, hunt, stress, demo, show and merge.</summary>
    internal static Command CreateRootCommand(CliConsole console)
    {
        // A plain Command, not RootCommand: the name is "schedex" even when the host is dotnet or testhost.
        var root = new Command("schedex", "Explore the schedules of concurrent C# deterministically; replay the bugs found. Exit codes: 0 no bug, 1 bug found, 2 bad usage or input, 3 could not test (an uncontrolled API, a step-bound cut-off or a hang in uncontrolled code; the output says what and what to do).")
        {
            new HelpOption(),
            new VersionOption(),
            new TestCommand(console).Command,
            new ReplayCommand(console).Command,
            new RewriteCommand(console).Command,
            new HuntCommand(console).Command,
            new StressCommand(console).Command,
            new DemoCommand(console).Command,
            new Show.ShowCommand(console).Command,
            new Merge.MergeCommand(console).Command,
        };
        return root;
    }

    /// <summary>
    /// The error to show: the one naming an unrecognized token when there is one ("schedex explore"
    /// is better told "Unrecognized command … 'explore'" than "Required command was not provided").
    /// </summary>
    private static string MostSpecific(ParseResult parse)
    {
        string? unmatched = parse.UnmatchedTokens.FirstOrDefault();
        var errors = parse.Errors.Select(e => e.Message);
        return (unmatched is null ? null : errors.FirstOrDefault(m => m.Contains($"'{unmatched}'", StringComparison.Ordinal))) ?? errors.First();
    }

    private static bool IsBadInput(Exception e) =>
        e is WorkloadException or TraceFormatException or RewritingException or ArgumentException or IOException or UnauthorizedAccessException;
}
