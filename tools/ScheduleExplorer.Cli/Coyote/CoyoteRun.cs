using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Coyote;

namespace ScheduleExplorer.Cli.Coyote;

/// <summary><c>schedex test --engine coyote</c> and <c>schedex replay --engine coyote</c>: the same exit codes (0 no bug, 1 bug, 2 bad input).</summary>
internal sealed class CoyoteRun
{
    private readonly CliConsole _console;

    /// <summary>Creates the runner, writing to <paramref name="console"/>.</summary>
    public CoyoteRun(CliConsole console) => _console = console;

    /// <summary>Explores <paramref name="method"/> of <paramref name="assembly"/> under Coyote and prints the outcome.</summary>
    public int Test(string assembly, string method, CoyoteTestConfiguration configuration, LogLevel level)
    {
        using ILoggerFactory loggers = CliLogging.Create(level);
        CoyoteTestReport report = CoyoteTestingEngine.Create(configuration, assembly, method, loggers).Run();
        if (report.BugFound)
        {
            _console.Out.WriteLine(FormatBug(report));
            if (report.TracePath is { } trace)
            {
                _console.Out.WriteLine($"Replay: schedex replay --engine coyote {CommandLineText.Quote(assembly)} {CommandLineText.Quote(trace)} --method {CommandLineText.Quote(report.Method)}");
            }

            return ExitCodes.BugFound;
        }

        _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Coyote found no bug in {report.Method}: {report.Iterations:N0} iterations with {report.Strategy}, seed {report.Seed}, in {report.Elapsed.TotalSeconds:0.000} s ({report.Iterations / Math.Max(report.Elapsed.TotalSeconds, 1e-9):N0} iterations/s)."));
        WriteUncontrolled(report);
        return ExitCodes.NoBug;
    }

    /// <summary>Replays the Coyote trace file <paramref name="tracePath"/> against <paramref name="method"/>.</summary>
    public int Replay(string assembly, string method, string tracePath, LogLevel level)
    {
        if (!File.Exists(tracePath))
        {
            throw new IOException($"Coyote trace not found: {tracePath}");
        }

        using ILoggerFactory loggers = CliLogging.Create(level);
        CoyoteTestReport report = CoyoteTestingEngine.Create(new CoyoteTestConfiguration(), assembly, method, loggers).Replay(File.ReadAllText(tracePath));
        if (report.BugFound)
        {
            _console.Out.WriteLine($"Coyote reproduced the bug of {Path.GetFileName(tracePath)}:");
            _console.Out.WriteLine(FormatBug(report));
            return ExitCodes.BugFound;
        }

        return _console.Fail($"{report.Method}: Coyote did not reproduce the bug of {tracePath} (run with -v detailed to see Coyote's reason).");
    }

    private static string FormatBug(CoyoteTestReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Coyote found a bug in iteration {report.FirstBugIteration} of {report.Method} ({report.Strategy}, seed {report.Seed}, {report.Elapsed.TotalSeconds:0.000} s):"));
        text.AppendLine(report.BugMessage);
        text.Append(report.TracePath is { } path ? $"Coyote trace: {path}" : "No Coyote trace was written (no --outdir).");
        return text.ToString();
    }

    private void WriteUncontrolled(CoyoteTestReport report)
    {
        if (report.UncontrolledInvocations.Count > 0)
        {
            _console.Out.WriteLine($"Coyote does not control: {string.Join(", ", report.UncontrolledInvocations)}.");
        }
    }
}
