using System.Xml.Linq;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>The CI faces of <c>test</c> and <c>hunt</c>: JUnit XML, and <c>--shard k/n</c> to spread a run over machines.</summary>
[TestFixture]
public sealed class CiOptionsTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Test_JUnit_OnABug_HasOneFailingCaseWithTheMessage()
    {
        string junit = _temp.File("ci/junit.xml");
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "DiningPhilosophers.LeftThenRight", "-o", _temp.Path, "--junit", junit, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        var testCase = suite.Element("testcase")!;
        Assert.Multiple(() =>
        {
            Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(1));
            Assert.That((int)suite.Attribute("failures")!, Is.EqualTo(1));
            Assert.That((string?)testCase.Attribute("classname"), Is.EqualTo("ScheduleExplorer.Workloads.DiningPhilosophers"));
            Assert.That((string?)testCase.Attribute("name"), Is.EqualTo("LeftThenRight"));
            Assert.That((string?)testCase.Element("failure")!.Attribute("message"), Does.StartWith("Deadlock: 'philosopher 0' holds fork 0"));
            Assert.That(testCase.Element("failure")!.Value, Does.Contain("Wait-for cycle"));
        });
    }

    [Test]
    public void Test_Shards_TogetherFindTheSameBugAtTheSameIteration_AsOneRun()
    {
        // Shards add up to one run under a strategy that learns nothing across iterations (the
        // default portfolio's rff learns, so its shards explore other schedules).
        var whole = CliRun.Of("test", CliRun.Workloads, "--method", "DiningPhilosophers.LeftThenRight", "-s", "random", "-i", "100", "-o", _temp.File("whole"), "-v", "quiet");
        var first = CliRun.Of("test", CliRun.Workloads, "--method", "DiningPhilosophers.LeftThenRight", "-s", "random", "-i", "100", "--shard", "1/2", "-o", _temp.File("first"), "-v", "quiet");
        var second = CliRun.Of("test", CliRun.Workloads, "--method", "DiningPhilosophers.LeftThenRight", "-s", "random", "-i", "100", "--shard", "2/2", "-o", _temp.File("second"), "-v", "quiet");
        string name = "DiningPhilosophers.LeftThenRight.random.seed0.json";
        Assert.Multiple(() =>
        {
            Assert.That(whole.ExitCode, Is.EqualTo(1));
            Assert.That(whole.Out, Does.StartWith("Bug found in iteration 78 "));
            Assert.That(first.ExitCode, Is.Zero, "iterations 1-50 hold no bug for seed 0");
            Assert.That(first.Out, Does.StartWith("No bug found").And.Contain(": 50 iterations"));
            Assert.That(second.ExitCode, Is.EqualTo(1));
            Assert.That(second.Out, Does.StartWith("Bug found in iteration 78 "), "iterations are numbered as in the whole run");
            Assert.That(File.ReadAllBytes(_temp.File($"second/{name}")), Is.EqualTo(File.ReadAllBytes(_temp.File($"whole/{name}"))), "the same trace, byte for byte");
        });
    }

    [TestCase("0/2")]
    [TestCase("3/2")]
    [TestCase("two")]
    public void Test_BadShard_ExitsTwoWithOneLine(string shard)
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "--shard", shard);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--shard"));
    }

    [Test]
    public void Test_ShardedDfs_IsRefused()
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "-s", "dfs", "--shard", "2/2");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("DFS"));
    }

    [Test]
    public void Hunt_Shards_SplitTheChecks_AndWriteJUnit()
    {
        string junit = _temp.File("hunt.xml");
        var run = CliRun.Of("hunt", "--shard", "3/4", "--outdir", _temp.File("traces"), "--junit", junit);
        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Out);
            Assert.That(cases, Has.Count.InRange(28, 46), "about a quarter of the 158 checks (plus the replays of the traces it wrote)");
            Assert.That(cases.Select(c => (string?)c.Attribute("classname")), Has.All.StartWith("hunt."));
            Assert.That(cases.Where(c => c.Element("failure") is not null), Is.Empty);
        });
    }
}
