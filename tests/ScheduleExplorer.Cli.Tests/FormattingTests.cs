using ScheduleExplorer.Cli.Commands;
using ScheduleExplorer.Cli.Hunt;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>Text the commands print, checked without running anything.</summary>
[TestFixture]
public sealed class FormattingTests
{
    [TestCase("traces/A.random.seed0.json", "traces/A.random.seed0.json")]
    [TestCase("my traces/a.json", "'my traces/a.json'")]
    [TestCase("it's.json", "'it'\\''s.json'")]
    [TestCase("", "''")]
    public void Quote_PosixShell(string argument, string expected)
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False);
        Assert.That(CommandLineText.Quote(argument), Is.EqualTo(expected));
    }

    [Test]
    public void Replay_IsTheReplayVerbWithBothPaths() =>
        Assert.That(CommandLineText.Replay("bin/W.dll", "traces/t.json"), Is.EqualTo("schedex replay bin/W.dll traces/t.json"));

    [Test]
    public void HuntTable_RowsAlignUnderTheHeader()
    {
        var table = new HuntTable(TextWriter.Null, ["LostUpdate.Unsynchronized", "DiningPhilosophers.LeftThenRightLock"], ["random", "pct"]);
        var bug = new HuntRow
        {
            Workload = "LostUpdate.Unsynchronized", Strategy = "pct", ExpectBug = true, Result = "bug (UnhandledException)", Matches = true,
            Iterations = 22, Elapsed = TimeSpan.FromMilliseconds(6), TracePath = "traces/t.json",
        };
        var clean = bug with { Workload = "DiningPhilosophers.LeftThenRightLock", Strategy = "random", ExpectBug = false, Result = "no bug", Iterations = 1_000, TracePath = null };
        var failed = clean with { Matches = false, Elapsed = TimeSpan.FromSeconds(12.5) };
        string header = table.Header;
        string[] lines = [table.Format(bug), table.Format(clean), table.Format(failed)];
        Assert.Multiple(() =>
        {
            foreach (string column in new[] { "workload", "strategy", "expected", "result" })
            {
                Assert.That(lines.Select(l => l[header.IndexOf(column, StringComparison.Ordinal) - 1]), Has.All.EqualTo(' '), column);
            }

            Assert.That(lines.Select(l => l.IndexOf(" s  ", StringComparison.Ordinal)).Distinct().Single(), Is.EqualTo(header.IndexOf("time", StringComparison.Ordinal) + 2));
            Assert.That(lines[0], Does.StartWith("ok ").And.EndWith("traces/t.json").And.Contain(" 22 "));
            Assert.That(lines[1], Does.Contain("no bug    no bug").And.Contain("1,000").And.EndWith(" -"));
            Assert.That(lines[2], Does.StartWith("FAIL").And.Contain("12.500 s"));
        });
    }

    [Test]
    public void HuntTable_Footer_NamesTheRowsThatFailed()
    {
        var ok = new HuntRow { Workload = "A.B", Strategy = "random", ExpectBug = false, Result = "no bug", Matches = true, Iterations = 10, Elapsed = TimeSpan.Zero };
        var failed = ok with { Workload = "A.C", Matches = false, Detail = "Deadlock: stuck" };
        Assert.Multiple(() =>
        {
            Assert.That(HuntTable.Footer([ok], TimeSpan.FromSeconds(1)), Does.EndWith("All 1 checks as expected (1 workloads) in 1.0 s."));
            string footer = HuntTable.Footer([ok, failed], TimeSpan.FromSeconds(2));
            Assert.That(footer, Does.Contain("FAIL A.C (random): expected no bug, got Deadlock: stuck"));
            Assert.That(footer, Does.EndWith("1 of 2 checks did not match their expectation (2 workloads, 2.0 s)."));
        });
    }

    [Test]
    public void Summary_NamesIterationsStrategySeedTimeRateAndSteps()
    {
        var report = new TestReport
        {
            Method = "N.T.M", Strategy = "random", Seed = 7, Iterations = 2_000, TotalSteps = 50_000, MaxStepsInIteration = 40,
            Elapsed = TimeSpan.FromSeconds(0.5),
        };
        Assert.That(
            TestCommand.Summary(report),
            Is.EqualTo("No bug found in N.T.M: 2,000 iterations with random, seed 7, in 0.500 s (4,000 iterations/s); 50,000 scheduling steps (25.0 per iteration, at most 40)."));
    }

    [TestCase("quiet", Microsoft.Extensions.Logging.LogLevel.None)]
    [TestCase("m", Microsoft.Extensions.Logging.LogLevel.Warning)]
    [TestCase("Normal", Microsoft.Extensions.Logging.LogLevel.Information)]
    [TestCase("detailed", Microsoft.Extensions.Logging.LogLevel.Debug)]
    public void Verbosity_MapsToLogLevel(string name, Microsoft.Extensions.Logging.LogLevel level) =>
        Assert.That(CliOptions.ParseVerbosity(name), Is.EqualTo(level));

    [Test]
    public void FirstLine_DropsTheActualValueLine() =>
        Assert.That(CliConsole.FirstLine("Iterations ('0') must be positive.\nActual value was 0."), Is.EqualTo("Iterations ('0') must be positive."));
}
