using System.Text.RegularExpressions;

namespace ScheduleExplorer.Cli.Tests;

public sealed partial class TimeBudgetTests
{
    [Test]
    public void Test_TimeBudget_StopsTheRunWhenSpent()
    {
        using var folder = new TempDirectory();
        string report = folder.File("r.json");
        var run = CliRun.Of("test", CliRun.Workloads, "-m", "LostUpdate.Locked", "-i", "1000000", "--time-budget", "0.2", "-v", "quiet", "-o", folder.Path, "--report", report);
        int iterations = int.Parse(Iterations().Match(File.ReadAllText(report)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(iterations, Is.GreaterThan(0).And.LessThan(1_000_000));
        });
    }

    [Test]
    public void Test_TimeBudget_NotANumber_IsBadInput() =>
        CliRun.Of("test", CliRun.Workloads, "-m", "LostUpdate.Locked", "--time-budget", "soon").AssertBadInput("--timeout");

    [GeneratedRegex("\"iterations\": (\\d+)")]
    private static partial Regex Iterations();
}
