using System.Diagnostics;
using ScheduleExplorer.Common;

namespace ScheduleExplorer.Cli.Isolation;

/// <summary>
/// Runs one <c>schedex test|replay</c> in a child process (<c>--in-process</c>, streaming its schedule
/// to a private file) and relays what it prints: its standard output to this command's output, its
/// <c>schedex:</c> lines to this command's error writer and its log lines to this process's standard
/// error, so a run that ends normally looks exactly as an in-process one. The child dies with this process.
/// </summary>
internal static class IsolatedChild
{
    /// <summary>The hidden option that makes a command the child of an isolated run.</summary>
    public const string StreamOption = "--schedule-stream";

    private const int RelayedOwnLines = 200;
    // A line of schedex's own console logger ("05:41:06 info: …", CliLogging's single-line format).
    private static readonly System.Text.RegularExpressions.Regex s_logLine = new(@"^\d\d:\d\d:\d\d (trce|dbug|info|warn|fail|crit): ", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Runs schedex with <paramref name="arguments"/> plus the child options; <paramref name="stop"/> is
    /// forwarded as a stop request, and <paramref name="started"/> (if any) receives a way to send the child more lines.
    /// </summary>
    public static ChildOutcome Run(IEnumerable<string> arguments, CliConsole console, CancellationToken stop, Action<Action<string>>? started = null)
    {
        using var directory = PrivateTempDirectory.Create();
        string stream = Path.Combine(directory.Path, "schedule.bin");
        ScheduleStreamReader.Create(stream);
        using Process child = Start(arguments, directory.Path, stream);
        var captured = new ErrorCapture();
        var output = new Thread(() => Relay(child.StandardOutput, line => console.Out.WriteLine(line))) { IsBackground = true, Name = "schedex child stdout" };
        var error = new Thread(() => RelayErrors(child.StandardError, console, captured)) { IsBackground = true, Name = "schedex child stderr" };
        output.Start();
        error.Start();
        started?.Invoke(line => Send(child, line));
        using (stop.Register(() => AskToStop(child)))
        {
            child.WaitForExit();
        }

        output.Join();
        error.Join();
        return new ChildOutcome(child.ExitCode, ScheduleStreamReader.Read(stream), captured.Lines());
    }

    private static Process Start(IEnumerable<string> arguments, string directory, string stream)
    {
        string self = typeof(IsolatedChild).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(DotnetHost.RuntimeConfig(self, directory));
        start.ArgumentList.Add(self);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(StreamOption);
        start.ArgumentList.Add(stream);
        ParentDeath.Prepare(start);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the schedex child process");
    }

    private static void AskToStop(Process child) => Send(child, ParentWatch.StopLine);

    private static void Send(Process child, string line)
    {
        try
        {
            lock (child)
            {
                child.StandardInput.WriteLine(line);
                child.StandardInput.Flush();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The child already ended.
        }
    }

    private static void Relay(StreamReader from, Action<string> to)
    {
        while (from.ReadLine() is { } line)
        {
            to(line);
        }
    }

    private static void RelayErrors(StreamReader from, CliConsole console, ErrorCapture captured)
    {
        int relayedOwn = 0;
        Relay(from, line =>
        {
            if (line.StartsWith("schedex: ", StringComparison.Ordinal))
            {
                console.Error.WriteLine(line);
            }
            else if (s_logLine.IsMatch(line))
            {
                // Log lines go where an in-process run's console logger writes them, however long the run.
                Console.Error.WriteLine(line);
            }
            else
            {
                // What the runtime or the workload wrote itself, for the crash report; a crash's
                // thousand-frame stack is cut short here (its head and tail are in the bug report).
                captured.Add(line);
                if (relayedOwn++ < RelayedOwnLines)
                {
                    Console.Error.WriteLine(line);
                }
            }
        });
    }
}
