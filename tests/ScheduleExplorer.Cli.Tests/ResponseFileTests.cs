namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// Settings a nightly run always passes can live in a checked-in response file (<c>@nightly.rsp</c>,
/// one option per line): they apply as if typed, a missing file or an option given twice is bad input.
/// </summary>
[TestFixture]
public sealed class ResponseFileTests
{
    [Test]
    public void Test_TakesItsSettingsFromAResponseFile()
    {
        using var temp = new TempDirectory();
        string settings = temp.Write("nightly.rsp", "--method LostUpdate.Locked\n--strategy pos\n--iterations 20\n--seed 3\n");

        var run = CliRun.Of("test", CliRun.Workloads, $"@{settings}", "-o", temp.Path, "-v", "quiet");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("No bug found in ScheduleExplorer.Workloads.LostUpdate.Locked: 20 iterations").And.Contain("with pos, seed 3"));
    }

    [Test]
    public void Test_MissingResponseFile_ExitsTwoWithOneLine()
    {
        using var temp = new TempDirectory();
        CliRun.Of("test", CliRun.Workloads, $"@{temp.File("missing.rsp")}").AssertBadInput("missing.rsp");
    }

    [Test]
    public void Test_AnOptionInTheFileAndOnTheCommandLine_ExitsTwo()
    {
        using var temp = new TempDirectory();
        string settings = temp.Write("nightly.rsp", "--method LostUpdate.Locked\n--strategy pos\n");
        CliRun.Of("test", CliRun.Workloads, $"@{settings}", "--strategy", "random").AssertBadInput("--strategy");
    }
}
