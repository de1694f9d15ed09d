using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;

namespace ScheduleExplorer.Tests.Testing;

/// <summary>
/// Minimization to the fewest preemptions: delta debugging leaves a two-lock inversion at two
/// preemptions from some schedules, the preemption-bounded search brings it to the one it needs and
/// proves that none would not do; the minimized trace replays to the same bug step for step.
/// </summary>
[TestFixture]
public sealed class ScheduleMinimizerTests
{
    private TestingEngine _inversion = null!;
    private TestingEngine _lostUpdate = null!;
    private TestingEngine _fivePhilosophers = null!;

    [OneTimeSetUp]
    public void LoadWorkloads()
    {
        // One rewrite and load per workload for the whole fixture.
        _inversion = TestingEngine.Create(new TestConfiguration(), Workload.AssemblyPath, "DiningPhilosophers.LeftThenRight(2, 1)");
        _lostUpdate = TestingEngine.Create(new TestConfiguration(), Workload.AssemblyPath, "LostUpdate.Unsynchronized(3, 3)");
        _fivePhilosophers = TestingEngine.Create(new TestConfiguration(), Workload.AssemblyPath, "DiningPhilosophers.LeftThenRight(5, 1)");
    }

    [OneTimeTearDown]
    public void UnloadWorkloads()
    {
        _inversion.Dispose();
        _lostUpdate.Dispose();
        _fivePhilosophers.Dispose();
    }

    [TestCase(0UL)]
    [TestCase(2UL)]
    public void TwoLockInversion_IsMinimizedToOnePreemption_ProvenMinimal_AndReplays(ulong seed)
    {
        var report = _inversion.Run(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 200, Seed = seed });

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Deadlock));
        Assert.That(report.BugPreemptionsFound, Is.GreaterThan(1), "the schedule as found has preemptions to spare");
        Assert.That(report.BugPreemptions, Is.EqualTo(1), "one philosopher takes its left fork and is preempted; the rest are free switches");
        Assert.That(report.Trace!.Preemptions, Is.EqualTo(1));
        Assert.That(report.BugMinimality, Is.EqualTo(Minimality.Proven), "every schedule with no preemption ran without the deadlock");

        var replay = _inversion.Replay(report.Trace);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug!.Message));
        Assert.That(replay.Trace!.Steps, Is.EqualTo(report.Trace.Steps), "the replay took exactly the recorded steps");
        Assert.That(replay.Trace.Preemptions, Is.EqualTo(1));
    }

    [Test]
    public void LostUpdate_IsProvenToNeedOnePreemption_WithTheSameFailingAssertion()
    {
        var report = _lostUpdate.Run(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 200, Seed = 5 });

        Assert.That(report.BugPreemptionsFound, Is.GreaterThan(1));
        Assert.That(report.BugPreemptions, Is.EqualTo(1));
        Assert.That(report.BugMinimality, Is.EqualTo(Minimality.Proven));
        Assert.That(report.Bug!.Signature, Does.Match(@"at CounterRace\.cs:\d+$"), "the same assertion, whatever the values it saw");
        Assert.That(
            ScheduleExplorer.Reporting.BugReportWriter.Format(report),
            Does.Contain($"(The failing schedule was minimized from {report.BugPreemptionsFound} to 1 preemption: no schedule with fewer shows this bug.)"),
            "the report says the count is proven");
    }

    [Test]
    public void DeadlockSignature_NamesWhoIsStuckWhere_NotTheLocksNumberedByFirstUse()
    {
        var report = _inversion.Run(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 200, Seed = 0 });

        Assert.That(report.Bug!.Signature, Does.Match(@"^'philosopher 0' Acquire at \w+\.cs:\d+; 'philosopher 1' Acquire at \w+\.cs:\d+$"));
    }

    [Test]
    public void MinimizationTime_IsPartOfTheRun_AndMeasured()
    {
        var report = _inversion.Run(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 200, Seed = 0 });
        var unminimized = _inversion.Run(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 200, Seed = 0, MinimizeSchedules = false });

        Assert.That(report.MinimizationElapsed, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(report.MinimizationElapsed, Is.LessThanOrEqualTo(report.Elapsed));
        Assert.That(unminimized.MinimizationElapsed, Is.EqualTo(TimeSpan.Zero));
        Assert.That(unminimized.BugMinimality, Is.Null);
    }

    [TestCase(StrategyKind.Random, 0UL)]
    [TestCase(StrategyKind.Pct, 0UL)]
    [TestCase(StrategyKind.Pos, 1UL)]
    public void FivePhilosophers_AreMinimizedToOnePreemption_ProvenMinimal_AndReplay(string strategy, ulong seed)
    {
        // Preemption removal alone leaves two to six here (each one needed where the others stand);
        // the schedule built from the wait-for cycle needs one: philosopher 4 takes fork 4 and is
        // preempted, then philosophers 3, 2, 1 and 0 each take their left fork and block on the right one.
        var report = _fivePhilosophers.Run(new TestConfiguration { Strategy = strategy, Iterations = 10_000, Seed = seed });

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Deadlock));
        Assert.That(report.Bug!.Deadlock!.Edges, Has.Count.EqualTo(5), "all five philosophers are in the cycle");
        Assert.That(report.BugPreemptionsFound, Is.GreaterThan(1));
        Assert.That(report.BugPreemptions, Is.EqualTo(1));
        Assert.That(report.BugMinimality, Is.EqualTo(Minimality.Proven), "every schedule without a preemption ran to its end without the deadlock");

        var replay = _fivePhilosophers.Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug.Message));
        Assert.That(replay.Trace!.Steps, Is.EqualTo(report.Trace!.Steps), "the replay took exactly the recorded steps");
        Assert.That(replay.Trace.Preemptions, Is.EqualTo(1));
    }

    [Test]
    public void FivePhilosophers_WithoutTheCyclePass_StayAboveOnePreemption()
    {
        // What the cycle pass adds: the same find, minimized by preemption removal and the bounded search alone.
        var report = _fivePhilosophers.Run(new TestConfiguration { Strategy = StrategyKind.Pct, Iterations = 10_000, Seed = 0, MinimizationBudget = MinimizationBudget.Default with { CycleRuns = 0 } });

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Deadlock));
        Assert.That(report.BugPreemptions, Is.GreaterThan(1));
        Assert.That(report.BugMinimality, Is.Not.EqualTo(Minimality.Proven));
    }
}
