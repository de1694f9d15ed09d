using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// Depth-first search explores every schedule of small instances of the workloads: the bug is in
/// the tree, the fix holds in all of it, and the size of the tree is pinned (it changes only when
/// the scheduling-point model changes, which must then be a deliberate decision).
/// </summary>
[TestFixture]
public sealed class ExhaustiveTests
{
    private static readonly TestConfiguration s_dfs = new() { Strategy = StrategyKind.Dfs, Iterations = 1_000_000, FailOnMaxSteps = true };

    [TestCase("LostUpdate.Locked(2, 2)", StrategyKind.Dfs, 94)]
    [TestCase("LostUpdate.LockedWithLock(2, 2)", StrategyKind.Dfs, 94)]
    [TestCase("LostUpdate.Interlocked(2, 2)", StrategyKind.Dfs, 22)]
    [TestCase("LostUpdate.CompareExchangeLoop(2, 2)", StrategyKind.Dfs, 313)]
    [TestCase("DiningPhilosophers.OrderedForks(3, 1)", StrategyKind.Dfs, 2_965)]
    [TestCase("DiningPhilosophers.Waiter(3, 1)", StrategyKind.Dfs, 3_034)]
    [TestCase("LostUpdate.Locked(2, 2)", StrategyKind.Dpor, 36)]
    [TestCase("LostUpdate.LockedWithLock(2, 2)", StrategyKind.Dpor, 36)]
    [TestCase("LostUpdate.Interlocked(2, 2)", StrategyKind.Dpor, 16)]
    [TestCase("LostUpdate.CompareExchangeLoop(2, 2)", StrategyKind.Dpor, 271)]
    [TestCase("DiningPhilosophers.OrderedForks(3, 1)", StrategyKind.Dpor, 85)]
    [TestCase("DiningPhilosophers.Waiter(3, 1)", StrategyKind.Dpor, 104)]
    public void Fix_HoldsInEverySchedule(string method, string strategy, int expectedSchedules) =>
        Workload.AssertCleanInWholeTree(method, strategy, expectedSchedules);

    [TestCase("LostUpdate.Unsynchronized(2, 2)", BugKind.UnhandledException, StrategyKind.Dfs)]
    [TestCase("DiningPhilosophers.LeftThenRight(3, 1)", BugKind.Deadlock, StrategyKind.Dfs)]
    [TestCase("LostUpdate.Unsynchronized(2, 2)", BugKind.UnhandledException, StrategyKind.Dpor)]
    [TestCase("DiningPhilosophers.LeftThenRight(3, 1)", BugKind.Deadlock, StrategyKind.Dpor)]
    public void Bug_IsInTheTree(string method, BugKind kind, string strategy)
    {
        var report = Workload.Explore(method, s_dfs with { Strategy = strategy });
        TestContext.Out.WriteLine($"{method}: bug at schedule {report.FirstBugIteration}");
        Assert.That(report.Bug?.Kind, Is.EqualTo(kind));
        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug!.Message));
    }
}
