using System.Diagnostics;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// SIGINT and SIGTERM stop <c>schedex test</c> at the next iteration boundary: the summary so far is
/// printed and the exit code is 130.
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
}
