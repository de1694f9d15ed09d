using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Tests;

/// <summary><c>schedex replay</c>: a written trace reproduces its bug, from the file or from the token.</summary>
[TestFixture]
public sealed class ReplayCommandTests
{
    private TempDirectory _temp = null!;
    private string _trace = null!;
    private string _bugLine = null!;

    [OneTimeSetUp]
    public void FindTheBug()
    {
        _temp = new TempDirectory();
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-o", _temp.Path, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        _trace = Directory.GetFiles(_temp.Path, "*.json").Single();
        _bugLine = run.Out.Split('\n')[1].Trim();
        Assert.That(_bugLine, Does.StartWith("UnhandledException:"));
    }

    [OneTimeTearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Replay_WrittenTrace_ReproducesTheSameBug()
    {
        var run = CliRun.Of("replay", CliRun.Workloads, _trace, "-v", "quiet");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Out, Does.Contain(_bugLine));
            Assert.That(run.Error, Is.Empty);
        });
    }

    [Test]
    public void Replay_Token_ReproducesTheSameBug()
    {
        string token = TraceSerializer.ToToken(TraceSerializer.ReadFile(_trace));
        var run = CliRun.Of("replay", CliRun.Workloads, token, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Out, Does.Contain(_bugLine));
    }

    [Test]
    public void Replay_WithTheMethodNamed_ReproducesTheSameBug()
    {
        var run = CliRun.Of("replay", CliRun.Workloads, _trace, "--method", "LostUpdate.Unsynchronized", "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Replay_TruncatedTrace_DivergesWithExitTwo()
    {
        var trace = TraceSerializer.ReadFile(_trace);
        string truncated = _temp.File("truncated.json");
        TraceSerializer.WriteFile(trace with { Steps = [.. trace.Steps.Take(trace.Steps.Count / 2)] }, truncated);
        CliRun.Of("replay", CliRun.Workloads, truncated, "-v", "quiet").AssertBadInput("diverged");
    }

    [Test]
    public void Replay_Break_WithoutADebugger_TimesOutWithExitTwo()
    {
        var run = CliRun.Of("replay", CliRun.Workloads, _trace, "--break", "--break-timeout", "1", "-v", "quiet");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Does.Contain($"Process {Environment.ProcessId} is waiting for a debugger to attach"));
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(run.Error, Does.StartWith($"{CliConsole.ErrorPrefix}no debugger attached to process {Environment.ProcessId} within 1 s."));
        });
    }

    [Test]
    public void Replay_TraceRecordedWithoutMemoryAccessPoints_RewritesAsRecorded_AndReproducesTheBug()
    {
        // With memory access points off there are fewer scheduling points: a replay rewritten with them
        // on would diverge at its first field access.
        var configuration = new Testing.TestConfiguration { MemoryAccessPoints = false, Seed = 3, Iterations = 1_000 };
        Testing.TestReport report;
        using (var engine = Testing.TestingEngine.Create(configuration, CliRun.Workloads, "DiningPhilosophers.LeftThenRight"))
        {
            report = engine.Run();
        }

        Assert.That(report.Bug, Is.Not.Null, $"no bug in {report.Iterations} iterations");
        Assert.That(report.Trace!.Options.MemoryAccessPoints, Is.False);
        string trace = _temp.File("no-memory-points.json");
        TraceSerializer.WriteFile(report.Trace, trace);

        var run = CliRun.Of("replay", CliRun.Workloads, trace, "-v", "quiet");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Out + run.Error);
            Assert.That(run.Out, Does.Contain(report.Bug!.Kind.ToString()));
            Assert.That(run.Error, Is.Empty);
        });
    }

    [Test]
    public void Engine_ReplayingWithOtherMemoryAccessPoints_RefusesInOneLine()
    {
        var configuration = new Testing.TestConfiguration { MemoryAccessPoints = false, Seed = 3, Iterations = 1_000 };
        Traces.ScheduleTrace trace;
        using (var engine = Testing.TestingEngine.Create(configuration, CliRun.Workloads, "DiningPhilosophers.LeftThenRight"))
        {
            trace = engine.Run().Trace!;
        }

        using var other = Testing.TestingEngine.Create(new Testing.TestConfiguration(), CliRun.Workloads, "DiningPhilosophers.LeftThenRight");
        var error = Assert.Throws<Testing.WorkloadException>(() => other.Replay(trace));
        Assert.That(error!.Message, Does.Contain("memory access points off").And.Not.Contain("\n"));
    }
}
