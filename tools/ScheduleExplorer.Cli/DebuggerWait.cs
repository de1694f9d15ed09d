using System.Diagnostics;

namespace ScheduleExplorer.Cli;

/// <summary>Waits for a debugger to attach to this process, so a replay can break at the failing step.</summary>
internal static class DebuggerWait
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Prints the process id and waits until a debugger is attached or <paramref name="timeout"/> passes.
    /// </summary>
    /// <returns>Whether a debugger is attached.</returns>
    public static bool WaitForAttach(TextWriter output, TimeSpan timeout)
    {
        if (Debugger.IsAttached)
        {
            return true;
        }

        output.WriteLine($"Process {Environment.ProcessId} is waiting for a debugger to attach… (up to {FormatTimeout(timeout)})");
        output.Flush();
        var stopwatch = Stopwatch.StartNew();
        while (!Debugger.IsAttached)
        {
            if (stopwatch.Elapsed >= timeout)
            {
                return false;
            }

            Thread.Sleep(s_poll);
        }

        output.WriteLine("Debugger attached; replaying.");
        return true;
    }

    /// <summary>"5 minutes", "30 s".</summary>
    public static string FormatTimeout(TimeSpan timeout) =>
        timeout.TotalSeconds >= 60 && timeout.TotalSeconds % 60 == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{timeout.TotalMinutes:0} minute{(timeout.TotalMinutes == 1 ? string.Empty : "s")}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.###} s");
}
