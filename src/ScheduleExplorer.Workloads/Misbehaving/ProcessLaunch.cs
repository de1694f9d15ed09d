using System.Diagnostics;

namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Starts a child process: concurrency outside the process, which no scheduler can control. The
/// harness must answer "could not test" (naming <c>Process.Start</c> and this line), never "bug" or
/// "no bug". On real threads it runs <c>dotnet --version</c> and waits for it.
/// </summary>
public static class ProcessLaunch
{
    /// <summary>Runs <c>dotnet --version</c> in a child process and waits for it to exit.</summary>
    public static void Run()
    {
        using var child = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
        child?.WaitForExit();
    }
}
