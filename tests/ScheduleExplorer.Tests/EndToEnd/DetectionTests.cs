using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// What the engine reports for workloads that misbehave: every failure becomes a report with a
/// clear message, never a process crash or a hang.
/// </summary>
[TestFixture]
public sealed class DetectionTests
{
    private static readonly TestConfiguration s_quick = new() { Iterations = 200, Seed = 11 };

    [Test]
    public void AsyncWorkload_IsControlled_AndCorrect()
    {
        var report = Workload.Explore("Misbehaving.AsyncCounter.Run", new TestConfiguration { Iterations = 1000, Strategy = StrategyKind.Dfs });
        Assert.That(report.Bug, Is.Null, () => report.Bug!.Message);
        Assert.That(report.Exhausted, Is.True, "every schedule of the awaits was explored");
    }

    [Test]
    public void ThreadPoolWorkItem_IsAnOperation_SoItsRaceIsFound()
    {
        var report = Workload.Explore("Misbehaving.ThreadPoolUse.Run", new TestConfiguration { Iterations = 1000, Strategy = StrategyKind.Random, Seed = 3 });
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), () => report.Bug?.Message ?? "no bug");
        Assert.That(report.Bug!.Message, Does.Contain("Lost update"));
    }

    [TestCase("Misbehaving.Assertions.DebugAssertFails", "Debug.Assert failed")]
    [TestCase("Misbehaving.Assertions.TraceAssertFails", "Trace.Assert failed")]
    public void FailedAssertion_IsABug_NotAProcessCrash(string method, string text)
    {
        var report = Workload.Explore(method, s_quick);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.AssertionFailure));
        Assert.That(report.Bug!.Message, Does.Contain(text));
        Assert.That(report.Bug.Details, Does.Match(@"\w+\.cs:line \d+"), "the stack trace keeps source lines through rewriting");
    }

    [Test]
    public void ExceptionInAThread_IsReportedWithTheThreadName()
    {
        var report = Workload.Explore("Misbehaving.Assertions.ThrowsInThread", s_quick);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException));
        Assert.That(report.Bug!.Message, Does.Contain("unhandled InvalidOperationException"));
        Assert.That(report.Bug.Operation, Is.Not.EqualTo("main"));
    }

    [Test]
    public void NUnitAssertionInsideTheWorkload_IsABug_AndDoesNotFailTheHostTest()
    {
        int two = 2;
        using var engine = TestingEngine.Create(s_quick, () => Assert.That(two, Is.EqualTo(3)), "nunit-assert");
        var report = engine.Run();
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.AssertionFailure));
        Assert.That(report.Bug!.Message, Does.Contain("Assert.That(two, Is.EqualTo(3))"));
        Assert.That(report.Bug.Details, Does.Contain("Expected: 3"));
    }

    [TestCase("Misbehaving.EarlyExit.Exit", "The workload called Environment.Exit(3) at EarlyExit.cs:12, which would end the process")]
    [TestCase("Misbehaving.EarlyExit.FailFast", "The workload called Environment.FailFast(\"inventory corrupted\") at EarlyExit.cs:18")]
    public void EndingTheProcess_IsABugWithATrace_NotASilentExit(string method, string text)
    {
        var report = Workload.AssertFoundAndReplays(method, s_quick, BugKind.UnhandledException, text);
        Assert.That(report.FirstBugIteration, Is.EqualTo(1));
    }

    [TestCase("Misbehaving.HostileExceptions.MessageThrows", "unhandled MessageThrowingException: (its Message threw System.InvalidOperationException)")]
    [TestCase("Misbehaving.HostileExceptions.ToStringThrows", "unhandled ToStringThrowingException: inventory record is corrupt")]
    public void ExceptionWhoseMembersThrow_IsReported_NotAHostCrash(string method, string text)
    {
        var report = Workload.Explore(method, s_quick);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), () => report.Bug?.Message ?? "no bug");
        Assert.That(report.Bug!.Message, Does.Contain(text));
        Assert.That(report.Bug.Details, Does.Contain("HostileExceptions"), "the details name the exception's type");
    }

    [Test]
    public void SpinWithoutSchedulingPoints_IsReportedAsHang_Deterministically()
    {
        var report = Workload.Explore("Misbehaving.Spinning.InfiniteLoopWithoutSharedAccess", s_quick with { Iterations = 2 });
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Hang));
        Assert.That(report.Bug!.Message, Does.Contain("spins without reaching a scheduling point"));
        Assert.That(report.Bug.Message, Does.Contain("Spinner.cs:"));
    }

    [Test]
    public void BusyWaitOnAFlag_ReachesTheStepBound_ReportedAsLivelockWhenAsked()
    {
        var report = Workload.Explore("Misbehaving.Spinning.LivelockOnFlag", s_quick with { Iterations = 5, MaxSteps = 2_000, FailOnMaxSteps = true });
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Livelock));
        Assert.That(report.Bug!.Message, Does.Contain("2,000 scheduling steps"));
    }

    [TestCase("Misbehaving.Events.ManualResetEventSlimHandoff")]
    [TestCase("Misbehaving.Events.AutoResetEventPingPong")]
    [TestCase("Misbehaving.Events.MonitorWaitPulseQueue")]
    public void CorrectEventAndConditionCode_HasNoBug(string method)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            var report = Workload.Explore(method, new TestConfiguration { Strategy = strategy, Iterations = 300, Seed = 5, FailOnMaxSteps = true });
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        }
    }

    [Test]
    public void RandomDataChoices_AreRecorded_AndReplayed()
    {
        var report = Workload.Explore("Misbehaving.RandomChoice.Run", new TestConfiguration { Iterations = 500, Seed = 9 });
        Assert.That(report.Bug, Is.Not.Null);
        var choices = report.Trace!.Steps.Where(s => s.Kind == ScheduleExplorer.Runtime.SchedulingPointKind.RandomInteger).ToList();
        Assert.That(choices, Has.Count.GreaterThanOrEqualTo(2));
        var replay = Workload.Replay(report.Trace);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug!.Message));
    }
}
