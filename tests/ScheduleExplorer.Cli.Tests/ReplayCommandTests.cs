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
}
