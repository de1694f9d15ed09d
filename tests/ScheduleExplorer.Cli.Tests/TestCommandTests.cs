using System.Text.Json;

namespace ScheduleExplorer.Cli.Tests;

/// <summary><c>schedex test</c> on the bundled workloads: bugs are found and reported, fixes are not.</summary>
[TestFixture]
public sealed class TestCommandTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Test_LostUpdate_FindsTheBugWritesTheTraceAndPrintsTheReplayCommand()
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-o", _temp.Path);
        // The default portfolio's first iteration is its random walk, which finds the lost update.
        string trace = Path.Combine(_temp.Path, "LostUpdate.Unsynchronized.portfolio-random.seed0.json");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(File.Exists(trace), Is.True, "trace written");
            Assert.That(run.Out, Does.Contain("Bug found in iteration").And.Contain("Lost update"));
            Assert.That(run.Out, Does.Contain($"Trace: {trace}"));
            Assert.That(run.Out, Does.Contain($"Replay: schedex replay {CliRun.Workloads} {trace}"));
            Assert.That(run.Out, Does.Contain("Token: schedex1:"));
            Assert.That(run.Error, Does.Not.Contain(CliConsole.ErrorPrefix));
        });
    }

    [TestCase("LostUpdate.LockedWithLock", "random")]
    [TestCase("DiningPhilosophers.OrderedForks", "random")]
    [TestCase("DiningPhilosophers.OrderedForks", "pct")]
    public void Test_FixedVariant_ExitsZeroWithASummary(string method, string strategy)
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", method, "-s", strategy, "-i", "300", "-o", _temp.Path, "-v", "minimal");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Out);
            Assert.That(run.Out, Does.StartWith($"No bug found in ScheduleExplorer.Workloads.{method}: 300 iterations with {strategy}"));
            Assert.That(run.Out, Does.Contain("iterations/s").And.Contain("scheduling steps"));
            Assert.That(run.Out.Trim().Split('\n'), Has.Length.EqualTo(1), "one paragraph");
            Assert.That(Directory.GetFiles(_temp.Path), Is.Empty, "no trace");
        });
    }

    [Test]
    public void Test_Report_OnABug_HasTheFieldsAndTheTrace()
    {
        string reportPath = _temp.File("out/report.json");
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "DiningPhilosophers.LeftThenRight", "-o", _temp.Path, "--report", reportPath, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var root = report.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(Names(root), Is.EqualTo(new[] { "bugFound", "firstBugIteration", "iterations", "elapsedSeconds", "totalSteps", "bug", "trace", "verdict", "couldNotTest", "stepBoundHits", "method", "strategy", "seed", "firstIteration", "plannedIterations", "text" }));
            Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("bug"));
            Assert.That(root.GetProperty("bugFound").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("firstBugIteration").GetInt32(), Is.GreaterThanOrEqualTo(1));
            Assert.That(root.GetProperty("iterations").GetInt32(), Is.EqualTo(root.GetProperty("firstBugIteration").GetInt32()));
            Assert.That(root.GetProperty("elapsedSeconds").GetDouble(), Is.GreaterThan(0));
            Assert.That(root.GetProperty("totalSteps").GetInt64(), Is.GreaterThan(0));
            Assert.That(Names(root.GetProperty("bug")), Is.EqualTo(new[] { "kind", "message", "deadlock" }));
            Assert.That(root.GetProperty("bug").GetProperty("kind").GetString(), Is.EqualTo("Deadlock"));
            Assert.That(root.GetProperty("bug").GetProperty("message").GetString(), Does.Contain("fork"));
            Assert.That(File.Exists(root.GetProperty("trace").GetString()), Is.True);
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(reportPath)!, "*.tmp"), Is.Empty, "no temp file left");
        });
    }

    [Test]
    public void Test_Report_WithoutABug_HasNullBugAndTrace()
    {
        string reportPath = _temp.File("report.json");
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Interlocked", "-i", "50", "-o", _temp.Path, "--report", reportPath, "-v", "quiet");
        Assert.That(run.ExitCode, Is.Zero);
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var root = report.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("bugFound").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("firstBugIteration").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("iterations").GetInt32(), Is.EqualTo(50));
            Assert.That(root.GetProperty("bug").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("trace").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void Test_SameSeed_WritesTheSameTrace()
    {
        string[] args = ["test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-s", "pct", "--seed", "17", "-o", _temp.Path, "-v", "quiet"];
        Assert.That(CliRun.Of(args).ExitCode, Is.EqualTo(1));
        string trace = Directory.GetFiles(_temp.Path, "*.json").Single();
        byte[] first = File.ReadAllBytes(trace);
        Assert.That(CliRun.Of(args).ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllBytes(trace), Is.EqualTo(first));
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
