using ScheduleExplorer.Detection;
using ScheduleExplorer.NUnit;
using ScheduleExplorer.Reporting;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.NUnit;

/// <summary><see cref="ReplayTraceAttribute"/> runs one committed trace (debug these tests to step through it).</summary>
[TestFixture]
public sealed class ReplayTraceTests
{
    [Test]
    [ReplayTrace("traces/LostUpdate.Unsynchronized.pct10.seed0.json", ExpectedBug = BugKind.UnhandledException)]
    public void ReplayTrace_LostUpdate_ReproducesTheBug()
    {
        // The attribute replays the trace in place of this body.
        Assert.Fail("the body of a [ReplayTrace] test does not run");
    }

    [Test]
    [ReplayTrace("traces/DiningPhilosophers.LeftThenRight.pct10.seed0.json", ExpectedBug = BugKind.Deadlock)]
    public void ReplayTrace_Philosophers_ReproducesTheDeadlock()
    {
        Assert.Fail("the body of a [ReplayTrace] test does not run");
    }

    [Test]
    public void Replay_OfACommittedTrace_ReportsTheRecordedBug()
    {
        string trace = ReplayTraceAttribute.Resolve("traces/LostUpdate.Unsynchronized.pct10.seed0.json", TestContext.CurrentContext.TestDirectory);
        var report = ControlledTest.Replay(trace);
        Assert.Multiple(() =>
        {
            Assert.That(report.Divergence, Is.Null);
            Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException));
        });
    }

    [Test]
    public void Resolve_AMissingTrace_SaysWhereItLooked() =>
        Assert.That(() => ReplayTraceAttribute.Resolve("traces/none.json", TestContext.CurrentContext.TestDirectory), Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("traces/none.json"));

    [Test]
    public void BugReport_EndsWithTheReplayCommand()
    {
        var report = ControlledTest.Explore(typeof(Workloads.LostUpdate), nameof(Workloads.LostUpdate.Unsynchronized), new TestConfiguration { Iterations = 50, Seed = 1 });
        string text = BugReportWriter.Format(report, "schedex replay a.dll t.json --break");
        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n')[^1], Is.EqualTo("Replay: schedex replay a.dll t.json --break"));
            Assert.That(text, Does.Contain("Every step: schedex show "));
        });
    }
}
