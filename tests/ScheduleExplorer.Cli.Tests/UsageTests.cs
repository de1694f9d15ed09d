namespace ScheduleExplorer.Cli.Tests;

/// <summary>Command-line usage errors: exit code 2 and one line, before anything is explored.</summary>
[TestFixture]
public sealed class UsageTests
{
    [Test]
    public void NoCommand_ExitsTwo() =>
        CliRun.Of().AssertBadInput("Required command was not provided");

    [Test]
    public void UnknownCommand_ExitsTwo() =>
        CliRun.Of("explore").AssertBadInput("'explore'. (see 'schedex --help')");

    [Test]
    public void UnknownOption_ExitsTwoAndPointsToHelp() =>
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "--bogus").AssertBadInput("'--bogus'. (see 'schedex test --help')");

    [Test]
    public void Test_MissingMethod_ExitsTwo() =>
        CliRun.Of("test", CliRun.Workloads).AssertBadInput("Option '--method' is required");

    [Test]
    public void Test_MissingAssembly_ExitsTwo() =>
        CliRun.Of("test", "--method", "LostUpdate.Locked").AssertBadInput("Required argument 'assembly' missing");

    [TestCase("-5", "--iterations must be at least 1, got -5.")]
    [TestCase("0", "--iterations must be at least 1, got 0.")]
    [TestCase("many", "--iterations: 'many' is not a whole number.")]
    public void Test_BadIterations_ExitsTwo(string value, string message) =>
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "-i", value).AssertBadInput(message);

    [Test]
    public void Test_UnknownStrategy_ExitsTwo() =>
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "--strategy", "bfs").AssertBadInput("unknown strategy 'bfs': use random, pct, pos, rff, probabilistic, delay-bounding, portfolio, dfs, dpor.");

    [TestCase("pos", "pos")]
    [TestCase("Probabilistic", "probabilistic(2)")]
    [TestCase("delay-bounding", "delay-bounding(3)")]
    [TestCase("portfolio", "portfolio")]
    public void Test_AnyRegisteredStrategy_IsSelectedByName(string name, string reported)
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-s", name, "--strategy-bound", name == "delay-bounding" ? "3" : "2", "-i", "500", "-o", Path.Combine(Path.GetTempPath(), $"schedex-strategy-{Guid.NewGuid():N}"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Out, Does.Contain(reported));
    }

    [TestCase("--seed", "-1", "--seed: '-1' is not a seed")]
    [TestCase("--strategy-bound", "0", "--strategy-bound must be at least 1, got 0.")]
    [TestCase("--max-steps", "0", "--max-steps must be at least 1, got 0.")]
    [TestCase("--timeout", "-3", "--timeout must be more than 0 and at most 31536000 seconds, got -3.")]
    [TestCase("--timeout", "soon", "--timeout: 'soon' is not a number of seconds.")]
    [TestCase("--verbosity", "loud", "unknown verbosity 'loud'")]
    public void Test_BadOptionValue_ExitsTwo(string option, string value, string message) =>
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", option, value).AssertBadInput(message);

    [Test]
    public void Hunt_NegativeIterations_ExitsTwo() =>
        CliRun.Of("hunt", "--iterations", "-1").AssertBadInput("--iterations must be at least 1, got -1.");

    [Test]
    public void Replay_MissingTrace_ExitsTwo() =>
        CliRun.Of("replay", CliRun.Workloads).AssertBadInput("Required argument 'trace' missing");

    [TestCase("--help")]
    [TestCase("test", "--help")]
    [TestCase("replay", "-h")]
    [TestCase("rewrite", "--help")]
    [TestCase("hunt", "--help")]
    public void Help_ExitsZeroAndShowsUsage(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.Out, Does.Contain("Usage:").And.Contain("schedex"));
            Assert.That(run.Error, Is.Empty);
        });
    }

    [Test]
    public void Test_StrategyAndVerbosityNames_AreCaseInsensitive()
    {
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "-s", "PCT", "-v", "Quiet", "-i", "10");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("pct"));
    }
}
