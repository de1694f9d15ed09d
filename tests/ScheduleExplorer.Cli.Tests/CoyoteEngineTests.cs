namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// <c>schedex test|replay --engine coyote</c>: the same workloads under Microsoft Coyote's TestingEngine,
/// with the same exit codes as ScheduleExplorer (1 bug, 0 no bug, 2 bad input) and Coyote's trace replayed.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CoyoteEngineTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Test_FindsTheAsyncLostUpdate_AndReplayReproducesCoyotesTrace()
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "AsyncLostUpdate.AcrossAwait", "--engine", "coyote", "-i", "50", "-o", _temp.Path, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Out, Does.Contain("Coyote found a bug in iteration").And.Contain("Lost update across an await"));
        string trace = Directory.GetFiles(_temp.Path, "*.coyote.random.seed0.trace").Single();
        Assert.That(run.Out, Does.Contain("Replay: schedex replay --engine coyote"));

        var replay = CliRun.Of("replay", CliRun.Workloads, trace, "--engine", "coyote", "--method", "AsyncLostUpdate.AcrossAwait", "-v", "quiet");
        Assert.That(replay.ExitCode, Is.EqualTo(1), replay.Error);
        Assert.That(replay.Out, Does.StartWith("Coyote reproduced the bug of").And.Contain("Lost update across an await"));
    }

    [Test]
    public void Test_OfTheFix_IsClean()
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "AsyncLostUpdate.AcrossAwaitLocked", "--engine", "coyote", "-i", "50", "-o", _temp.Path, "-v", "quiet");
        Assert.That(run.ExitCode, Is.Zero, run.Out + run.Error);
        Assert.That(run.Out, Does.StartWith("Coyote found no bug in").And.Contain("50 iterations with random, seed 0"));
        Assert.That(Directory.GetFiles(_temp.Path), Is.Empty, "no trace without a bug");
    }

    [TestCase("dfs", "AsyncPhilosophers.LeftThenRight", "Deadlock detected")]
    [TestCase("probabilistic", "AsyncLostUpdate.AcrossAwait", "Lost update across an await")]
    [TestCase("portfolio", "AsyncLostUpdate.AcrossAwait", "Lost update across an await")]
    [TestCase("prioritization", "AccountStore.CreateTwice", "created 2 times")]
    public void EachCoyoteStrategy_FindsTheBug(string strategy, string workload, string message)
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", workload, "--engine", "coyote", "--coyote-strategy", strategy, "-i", "100", "-o", _temp.Path, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Out + run.Error);
        Assert.That(run.Out, Does.Contain($"({strategy}, seed 0").And.Contain(message));
        Assert.That(Directory.GetFiles(_temp.Path, $"*.coyote.{strategy}.seed0.trace"), Has.Length.EqualTo(1));
    }

    [Test]
    public void PlainFieldRace_IsExploredOnlyWithMemoryAccessRaces()
    {
        var without = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "--engine", "coyote", "-i", "2", "-o", _temp.Path, "-v", "quiet");
        Assert.That(without.ExitCode, Is.Zero, "Coyote does not interleave plain field accesses without its opt-in");

        var with = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "--engine", "coyote", "--memory-access-races", "-i", "20", "-o", _temp.Path, "-v", "quiet");
        Assert.That(with.ExitCode, Is.EqualTo(1), with.Out + with.Error);
        Assert.That(with.Out, Does.Contain("Lost update: expected"));
    }

    [Test]
    public void UnknownCoyoteStrategy_IsBadInput() =>
        CliRun.Of("test", CliRun.Workloads, "--method", "AsyncLostUpdate.AcrossAwait", "--engine", "coyote", "--coyote-strategy", "q-learning")
            .AssertBadInput("unknown Coyote strategy 'q-learning'");

    [Test]
    public void UnknownEngine_IsBadInput() =>
        CliRun.Of("test", CliRun.Workloads, "--method", "AsyncLostUpdate.AcrossAwait", "--engine", "loom")
            .AssertBadInput("unknown engine 'loom'");

    [Test]
    public void CoyoteReplay_OfAMissingTrace_IsBadInput() =>
        CliRun.Of("replay", CliRun.Workloads, _temp.File("missing.trace"), "--engine", "coyote", "--method", "AsyncLostUpdate.AcrossAwait")
            .AssertBadInput("missing.trace");
}
