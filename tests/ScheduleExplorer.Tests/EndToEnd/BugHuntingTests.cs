using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// The headline bugs in the unmodified workloads: found under random and PCT at a fixed seed, and
/// their traces replay to the same bug step for step.
/// </summary>
[TestFixture]
public sealed class BugHuntingTests
{
    private const int Budget = 1_000;

    [TestCase("LostUpdate.Unsynchronized", StrategyKind.Random, BugKind.UnhandledException, "Lost update")]
    [TestCase("LostUpdate.Unsynchronized", StrategyKind.Pct, BugKind.UnhandledException, "Lost update")]
    [TestCase("DiningPhilosophers.LeftThenRight", StrategyKind.Random, BugKind.Deadlock, "holds fork")]
    [TestCase("DiningPhilosophers.LeftThenRight", StrategyKind.Pct, BugKind.Deadlock, "holds fork")]
    [TestCase("DiningPhilosophers.LeftThenRightLock", StrategyKind.Random, BugKind.Deadlock, "waits for")]
    [TestCase("DiningPhilosophers.LeftThenRightLock", StrategyKind.Pct, BugKind.Deadlock, "waits for")]
    public void BuggyWorkload_IsFound_AndItsTraceReplays(string method, string strategy, BugKind kind, string text)
    {
        var report = Workload.Explore(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026 });

        Assert.That(report.Bug, Is.Not.Null, $"no bug in {report.Iterations} iterations");
        Assert.That(report.Bug!.Kind, Is.EqualTo(kind), report.Bug.Message);
        Assert.That(report.Bug.Message, Does.Contain(text));
        TestContext.Out.WriteLine($"{method} [{report.Strategy}]: bug in iteration {report.FirstBugIteration}: {report.Bug.Message}");

        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Kind, Is.EqualTo(kind));
        Assert.That(replay.Bug!.Message, Is.EqualTo(report.Bug.Message));
        Assert.That(replay.Trace!.Steps, Is.EqualTo(report.Trace!.Steps), "the replay took exactly the recorded steps");
    }

    [Test]
    public void LostUpdate_IsMinimizedToTheOnePreemptionItNeeds_AndStillReplays()
    {
        var found = Workload.Explore("LostUpdate.Unsynchronized(3, 3)", new TestConfiguration { Iterations = Budget, Seed = 5 });
        var raw = Workload.Explore("LostUpdate.Unsynchronized(3, 3)", new TestConfiguration { Iterations = Budget, Seed = 5, MinimizeSchedules = false });

        Assert.That(found.BugPreemptionsFound, Is.GreaterThan(1));
        Assert.That(found.BugPreemptions, Is.EqualTo(1), "a lost update needs exactly one preemption, between a read and its write");
        Assert.That(found.Trace!.Preemptions, Is.EqualTo(1));
        Assert.That(raw.Trace!.Preemptions, Is.EqualTo(found.BugPreemptionsFound));
        Assert.That(found.FirstBugIteration, Is.EqualTo(raw.FirstBugIteration), "minimizing does not change the exploration");
        var replay = Workload.Replay(found.Trace);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Does.Contain("Lost update"));
    }

    [Test]
    public void Deadlock_Report_NamesTheWholeCycleWithSourceLines()
    {
        var report = Workload.Explore("DiningPhilosophers.LeftThenRight", new TestConfiguration { Iterations = Budget, Seed = 2026 });

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Deadlock));
        for (int p = 0; p < 5; p++)
        {
            Assert.That(report.Bug!.Message, Does.Contain($"'philosopher {p}' holds fork {p}, waits for fork {(p + 1) % 5} (held by 'philosopher {(p + 1) % 5}') at "));
        }

        Assert.That(report.Bug!.Message, Does.Match(@"at \w+\.cs:\d+"));
    }

    [TestCase("LostUpdate.Locked")]
    [TestCase("LostUpdate.LockedWithLock")]
    [TestCase("LostUpdate.Interlocked")]
    [TestCase("LostUpdate.CompareExchangeLoop")]
    [TestCase("LostUpdate.StripedCounter")]
    [TestCase("DiningPhilosophers.OrderedForks")]
    [TestCase("DiningPhilosophers.Waiter")]
    [TestCase("DiningPhilosophers.TryLockBackoff")]
    [TestCase("DiningPhilosophers.OrderedForksLock")]
    public void FixedWorkload_HasNoBug_UnderRandomAndPct(string method)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            var report = Workload.Explore(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026, FailOnMaxSteps = true });
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.Iterations, Is.EqualTo(Budget));
            Assert.That(report.TotalSteps, Is.GreaterThan(Budget * 5), "every iteration really ran its scheduling points");
        }
    }
}
