using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// Every way C# reaches shared memory is a scheduling point: the lost update through each access
/// kind is in the DFS tree (and found by random and PCT), and its locked twin holds in every schedule.
/// </summary>
[TestFixture]
public sealed class SharedAccessTests
{
    private static readonly string[] s_kinds =
    [
        "ArrayIncrement", "ArrayCompound", "StructInArray", "StaticStruct",
        "RefLocal", "RefParameter", "RefReturn", "SpanElement", "FixedPointer",
    ];

    private static readonly TestConfiguration s_dfs = new() { Strategy = StrategyKind.Dfs, Iterations = 100_000, FailOnMaxSteps = true };

    [TestCaseSource(nameof(s_kinds))]
    public void LostUpdate_IsInTheDfsTree_AndReplays(string kind)
    {
        var report = Workload.Explore("SharedAccess." + kind, s_dfs);
        TestContext.Out.WriteLine($"{kind}: bug at schedule {report.FirstBugIteration} of {report.Iterations}, exhausted {report.Exhausted}");
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), $"{report.Iterations} schedules, exhausted: {report.Exhausted}");
        Assert.That(report.Bug!.Message, Does.Contain("Lost update"));
        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug.Message));
    }

    [TestCaseSource(nameof(s_kinds))]
    public void LostUpdate_IsFoundByRandomAndPct(string kind)
    {
        foreach (string strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            var report = Workload.Explore("SharedAccess." + kind, new TestConfiguration { Strategy = strategy, Iterations = 300, Seed = 2026 });
            Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), $"{strategy}: no bug in {report.Iterations} iterations");
        }
    }

    [TestCaseSource(nameof(s_kinds))]
    public void LockedTwin_HoldsInEverySchedule(string kind)
    {
        var report = Workload.Explore("SharedAccess." + kind + "Locked", s_dfs);
        TestContext.Out.WriteLine($"{kind}Locked: {report.Iterations} schedules");
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
    }

    [Test]
    public void ATreeCutOffByTheStepBound_IsNotClaimedExhausted()
    {
        var report = Workload.Explore("SharedAccess.ArrayIncrementLocked", new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 100_000, MaxSteps = 8 });
        Assert.That(report.StepBoundHits, Is.GreaterThan(0));
        Assert.That(report.Bug, Is.Null);
        Assert.That(report.Exhausted, Is.False, "iterations cut off by the step bound left schedules unexplored");
    }
}
