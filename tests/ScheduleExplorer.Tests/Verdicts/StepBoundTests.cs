using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;

namespace ScheduleExplorer.Tests.Verdicts;

/// <summary>
/// The step bound: realistic loops finish at the default bound, and an iteration it cuts off is
/// never a silent "no bug" — it is "could not test", or a livelock with <c>FailOnMaxSteps</c>.
/// </summary>
[TestFixture]
public sealed class StepBoundTests
{
    [Test]
    public void LostUpdate_TwoThreadsTimesTenThousand_IsFound_AtTheDefaultBound_AndReplays()
    {
        var report = Workload.Explore("LostUpdate.Unsynchronized(2, 10000)", new TestConfiguration { Iterations = 20, Seed = 3, MinimizeSchedules = false });
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Bug), report.CouldNotTest?.Summary);
        Assert.That(report.Bug!.Kind, Is.EqualTo(BugKind.UnhandledException));
        Assert.That(report.Bug.Message, Does.Contain("Lost update"));
        Assert.That(report.StepBoundHits, Is.Zero);
        Assert.That(report.Trace!.Steps, Has.Count.GreaterThan(40_000), "the loop needs more than the old bound of 10,000 steps");
        var replay = Workload.Replay(report.Trace);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug.Message));
    }

    [Test]
    public void LostUpdate_Fixed_TwoThreadsTimesTenThousand_HasNoBug_AndIsNotCutOff()
    {
        var report = Workload.Explore("LostUpdate.Interlocked(2, 10000)", new TestConfiguration { Iterations = 3, Seed = 3 });
        Assert.That(report.Verdict, Is.EqualTo(Verdict.NoBug), report.CouldNotTest?.Summary ?? report.Bug?.Message);
        Assert.That(report.StepBoundHits, Is.Zero);
    }

    [Test]
    public void LoopForeverThroughSchedulingPoints_CouldNotTest_NamingTheBound()
    {
        var report = Workload.Explore("Misbehaving.Spinning.LivelockOnFlag", new TestConfiguration { Iterations = 3, Seed = 11, MaxSteps = 2_000 });
        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest));
            Assert.That(report.Bug, Is.Null);
            Assert.That(report.CouldNotTest!.Cause, Is.EqualTo(CouldNotTestCause.StepBound));
            Assert.That(report.CouldNotTest.Summary, Does.StartWith("Could not test: 3 of 3 iterations were cut off by the step bound of 2,000 scheduling steps"));
            Assert.That(report.CouldNotTest.Advice, Does.Contain("--max-steps").And.Contain("--fail-on-max-steps"));
            Assert.That(report.StepBoundHits, Is.EqualTo(3));
            Assert.That(report.Trace, Is.Null);
        });
    }

    [Test]
    public void LoopForeverThroughSchedulingPoints_IsALivelock_WithFailOnMaxSteps()
    {
        var report = Workload.Explore("Misbehaving.Spinning.LivelockOnFlag", new TestConfiguration { Iterations = 3, Seed = 11, MaxSteps = 2_000, FailOnMaxSteps = true });
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Bug));
        Assert.That(report.Bug!.Kind, Is.EqualTo(BugKind.Livelock));
        Assert.That(report.CouldNotTest, Is.Null);
    }

    [Test]
    public void DefaultBound_IsLargeEnoughForRealisticLoops()
    {
        Assert.That(new TestConfiguration().MaxSteps, Is.GreaterThanOrEqualTo(1_000_000));
        Assert.That(new TestConfiguration().HangTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }
}
