using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// <c>schedex replay</c> reproduces a bug only when it is the trace's bug: kind, message, failing
/// operation and step; and it reports the trace's own seed and iteration.
/// </summary>
[TestFixture]
public sealed class ReplayIdentityTests
{
    private TempDirectory _temp = null!;
    private ScheduleTrace _trace = null!;

    [OneTimeSetUp]
    public void FindTheBug()
    {
        _temp = new TempDirectory();
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-o", _temp.Path, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        _trace = TraceSerializer.ReadFile(Directory.GetFiles(_temp.Path, "*.json").Single());
        Assert.That(_trace.Bug, Is.Not.Null);
        Assert.That(_trace.Bug!.Operation, Is.Not.Null, "the trace records the failing operation");
        Assert.That(_trace.Bug.Step, Is.EqualTo(_trace.Steps.Count), "the trace records the failing step");
    }

    [OneTimeTearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Replay_EditedBugMessage_Diverges() =>
        Replay(_trace with { Bug = _trace.Bug! with { Message = _trace.Bug.Message + " (edited)" } })
            .AssertBadInput("diverged: the trace ends in UnhandledException (" + _trace.Bug!.Message + " (edited))");

    [Test]
    public void Replay_OtherBugKind_Diverges() =>
        Replay(_trace with { Bug = _trace.Bug! with { Kind = "Deadlock" } })
            .AssertBadInput("but the replay ended in UnhandledException");

    [Test]
    public void Replay_OtherFailingOperation_Diverges() =>
        Replay(_trace with { Bug = _trace.Bug! with { Operation = "somebody else" } })
            .AssertBadInput("in 'somebody else'");

    [Test]
    public void Replay_OtherFailingStep_Diverges() =>
        Replay(_trace with { Bug = _trace.Bug! with { Step = _trace.Steps.Count + 5 } })
            .AssertBadInput($"at step {_trace.Steps.Count + 5}");

    [Test]
    public void Replay_TraceWithoutBug_OfABuggySchedule_Diverges() =>
        Replay(_trace with { Bug = null }).AssertBadInput("the trace ends in no bug");

    [Test]
    public void Replay_OlderTraceWithoutOperationAndStep_StillReproduces()
    {
        var run = Replay(_trace with { Bug = _trace.Bug! with { Operation = null, Step = null } });
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
    }

    [Test]
    public void Replay_Header_ShowsTheTracesSeedAndIteration()
    {
        var run = Replay(_trace with { Seed = 123456789, Iteration = 63 });
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(run.Out, Does.StartWith($"Bug found in iteration 64 of {_trace.Method} (replay of {_trace.Strategy}, seed 123456789):"));
        });
    }

    private CliRun Replay(ScheduleTrace trace)
    {
        string path = _temp.File($"edited{Guid.NewGuid():N}.json");
        TraceSerializer.WriteFile(trace, path);
        return CliRun.Of("replay", CliRun.Workloads, path, "-v", "quiet");
    }
}
