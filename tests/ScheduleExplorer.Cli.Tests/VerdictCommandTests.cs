using System.Text.Json;
using System.Xml.Linq;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>The third exit code: what schedex cannot test is exit 3 with what and what to do, in every output.</summary>
[TestFixture]
public sealed class VerdictCommandTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Test_UncontrolledApi_ExitsThree_NamingTheApiTheLineAndWhatToDo_InStdoutJsonAndJUnit()
    {
        string report = _temp.File("report.json");
        string junit = _temp.File("junit.xml");
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "ProcessLaunch.Run", "-o", _temp.File("traces"), "--report", report, "--junit", junit, "-v", "quiet");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3));
            Assert.That(run.Out, Does.StartWith("Could not test: Process.Start (uncontrolled API) at ProcessLaunch.cs:15"));
            Assert.That(run.Out, Does.Contain(" — Avoid it in code under test"));
            Assert.That(run.Out, Does.Not.Contain("Bug found").And.Not.Contain("minimized").And.Not.Contain("schedex replay"));
            Assert.That(Directory.Exists(_temp.File("traces")) ? Directory.GetFiles(_temp.File("traces")) : [], Is.Empty, "no trace");
        });

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("could not test"));
        Assert.That(root.GetProperty("bugFound").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("couldNotTest").GetProperty("cause").GetString(), Is.EqualTo("UncontrolledApi"));
        Assert.That(root.GetProperty("couldNotTest").GetProperty("message").GetString(), Does.Contain("ProcessLaunch.cs:15"));

        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        var testCase = suite.Element("testcase")!;
        Assert.That(testCase.Element("failure"), Is.Null, "not a failure");
        Assert.That(testCase.Element("skipped")?.Attribute("message")?.Value, Does.StartWith("Could not test: Process.Start"));
        Assert.That(suite.Attribute("skipped")?.Value, Is.EqualTo("1"));
    }

    [Test]
    public void Test_LoopCutOffByTheStepBound_ExitsThree_OrOneWithFailOnMaxSteps()
    {
        string[] args = ["test", CliRun.Workloads, "--method", "Spinning.LivelockOnFlag", "-i", "2", "--max-steps", "1000", "-o", _temp.Path, "-v", "quiet"];
        var cutOff = CliRun.Of(args);
        Assert.That(cutOff.ExitCode, Is.EqualTo(3));
        Assert.That(cutOff.Out, Does.StartWith("Could not test: 2 of 2 iterations were cut off by the step bound of 1,000 scheduling steps"));
        Assert.That(cutOff.Out, Does.Contain("--fail-on-max-steps"));

        var livelock = CliRun.Of([.. args, "--fail-on-max-steps"]);
        Assert.That(livelock.ExitCode, Is.EqualTo(1));
        Assert.That(livelock.Out, Does.Contain("Livelock"));
    }

    [Test]
    public void Test_LostUpdateOfTwoTimesTenThousand_IsFound_AtDefaultSettings()
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized(2, 10000)", "-i", "10", "-o", _temp.Path, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Out);
        Assert.That(run.Out, Does.Contain("Lost update"));
    }

    [Test]
    public void HangTimeout_IsAnOptionOfTestHuntAndReplay_AndIsRangeChecked()
    {
        foreach (string command in (string[])["test", "hunt", "replay"])
        {
            Assert.That(CliRun.Of(command, "--help").Out, Does.Contain("--hang-timeout"), command);
        }

        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "--hang-timeout", "0").AssertBadInput("--hang-timeout must be more than 0");
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "--hang-timeout", "soon").AssertBadInput("--hang-timeout: 'soon' is not a number of seconds.");
    }

    [Test]
    public void Help_DocumentsExitCodeThree()
    {
        Assert.That(CliRun.Of("--help").Out, Does.Contain("3 could not test"));
        Assert.That(CliRun.Of("test", "--help").Out, Does.Contain("3 could not test"));
    }
}
