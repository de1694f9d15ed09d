using ScheduleExplorer.Detection;
using ScheduleExplorer.NUnit;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;
using ScheduleExplorer.Workloads.Async;

namespace ScheduleExplorer.Coyote.Tests;

/// <summary>The workloads of <see cref="CoyoteWorkloadTests"/> under ScheduleExplorer, for comparison.</summary>
[TestFixture]
public sealed class ScheduleExplorerWorkloadTests
{
    [TestCase(typeof(AsyncLostUpdate), nameof(AsyncLostUpdate.AcrossAwait), BugKind.UnhandledException)]
    [TestCase(typeof(AsyncLostUpdate), nameof(AsyncLostUpdate.TaskRun), BugKind.UnhandledException)]
    [TestCase(typeof(AccountStore), nameof(AccountStore.CreateTwice), BugKind.UnhandledException)]
    [TestCase(typeof(AsyncPhilosophers), nameof(AsyncPhilosophers.LeftThenRight), BugKind.Deadlock)]
    [TestCase(typeof(DiningPhilosophers), nameof(DiningPhilosophers.LeftThenRightLock), BugKind.Deadlock)]
    [TestCase(typeof(DiningPhilosophers), nameof(DiningPhilosophers.LeftThenRight), BugKind.Deadlock)]
    [TestCase(typeof(LostUpdate), nameof(LostUpdate.Unsynchronized), BugKind.UnhandledException)]
    public void Bug_IsFound_AndItsTraceReplays(Type type, string method, BugKind kind)
    {
        TestReport report = ControlledTest.Explore(type, method, new TestConfiguration { Iterations = 1000, Seed = 0 });
        ControlledTest.AssertBugFound(report, kind);
        TestReport replay = ControlledTest.Replay(type, report.TracePath!);
        ControlledTest.AssertBugFound(replay, kind);
    }

    [TestCase(typeof(AsyncLostUpdate), nameof(AsyncLostUpdate.AcrossAwaitLocked))]
    [TestCase(typeof(AsyncLostUpdate), nameof(AsyncLostUpdate.TaskRunInterlocked))]
    [TestCase(typeof(AccountStore), nameof(AccountStore.CreateTwiceGuarded))]
    [TestCase(typeof(AsyncPhilosophers), nameof(AsyncPhilosophers.OrderedForks))]
    [TestCase(typeof(LostUpdate), nameof(LostUpdate.LockedWithLock))]
    public void Fix_ShowsNoBug(Type type, string method)
    {
        TestReport report = ControlledTest.Explore(type, method, new TestConfiguration { Iterations = 100, Seed = 0 });
        ControlledTest.AssertNoBug(report);
        Assert.That(report.Iterations, Is.EqualTo(100));
    }
}
