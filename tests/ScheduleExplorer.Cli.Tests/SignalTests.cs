using System.Diagnostics;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// SIGINT and SIGTERM stop <c>schedex test</c> at the next iteration boundary, <c>stress</c> after the
/// running repetition and <c>hunt</c> after the running check: what was done so far is printed and the
/// exit code is 130.
/// </summary>
[TestFixture]
public sealed class SignalTests
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public void Test_Signal_StopsAtAnIterationBoundary_AndReportsSoFar(string signal)
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "schedex.dll"), "test", CliRun.Workloads,
                     "--method", "LostUpdate.Locked", "-i", "100000000", "-o", Path.GetTempPath(), "-v", "normal"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            string? line;
            while ((line = process.StandardError.ReadLine()) is not null && !line.Contains("Exploring", StringComparison.Ordinal))
            {
            }

            Assert.That(line, Is.Not.Null, "the exploration started");
            var stderr = process.StandardError.ReadToEndAsync();
            using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, "stopped after the signal");
            Assert.Multiple(() =>
            {
                Assert.That(process.ExitCode, Is.EqualTo(130), stderr.Result);
                Assert.That(stdout.Result, Does.StartWith("Interrupted after "));
                Assert.That(stdout.Result, Does.Contain("no bug found so far"));
            });
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Test]
    public void Stress_Sigint_StopsAfterTheRunningRepetition_AndPrintsTheReportSoFar()
    {
        Assume.That(OperatingSystem.IsLinux(), "POSIX signals and /proc");
        var (exitCode, stdout) = InterruptAfter(
            ["stress", CliRun.Workloads, "--method", "LostUpdate.Locked", "--duration", "600"],
            started: pid => ChildProcesses.Of(pid).Count > 0);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(130));
            Assert.That(stdout, Does.StartWith("HELD SO FAR (interrupted): ScheduleExplorer.Workloads.LostUpdate.Locked"));
            Assert.That(stdout, Does.Contain("repetitions"));
        });
    }

    [Test]
    public void Hunt_Sigint_KeepsTheCompletedRows_AndExits130()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals");
        using var temp = new TempDirectory();
        var (exitCode, stdout) = InterruptAfter(
            ["hunt", "--assembly", CliRun.Workloads, "-i", "1000", "-o", temp.Path, "-v", "quiet"],
            started: _ => Directory.EnumerateFiles(temp.Path, "*.json").Any());
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(130));
            Assert.That(stdout, Does.Contain("Interrupted after "));
            Assert.That(stdout, Does.Not.Contain("checks as expected"));
        });
    }

    /// <summary>Starts schedex, waits until <paramref name="started"/> holds for its pid, sends SIGINT, and returns how it ended.</summary>
    private static (int ExitCode, string Stdout) InterruptAfter(string[] arguments, Func<int, bool> started)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "schedex.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var waited = Stopwatch.StartNew();
            while (!process.HasExited && !started(process.Id) && waited.Elapsed < TimeSpan.FromSeconds(120))
            {
                Thread.Sleep(100);
            }

            Assert.That(process.HasExited, Is.False, "still running when interrupted");
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(120)), Is.True, "stopped after the signal");
            TestContext.Out.WriteLine(stderr.Result);
            return (process.ExitCode, stdout.Result);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
