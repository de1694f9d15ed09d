using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>Parallel loops with a loop state, thread-local state and partitioners, under control.</summary>
[TestFixture]
public sealed class ParallelLoopStateTests
{
    private const int Budget = 1_000;

    [TestCase("ParallelLoopStates.FirstMatchRacy", "First match kept as 3")]
    [TestCase("ParallelLoopStates.LocalSumsUnsynchronized", "Lost update in a parallel loop")]
    [TestCase("ParallelLoopStates.RangesUnsynchronized", "Lost update in a parallel loop")]
    public void BuggyParallelLoop_IsFound_AndItsTraceReplays(string method, string text)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            Workload.AssertFoundAndReplays(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026 }, BugKind.UnhandledException, text);
        }
    }

    [TestCase("ParallelLoopStates.FirstMatchLocked")]
    [TestCase("ParallelLoopStates.StopThenBreakThrows")]
    [TestCase("ParallelLoopStates.LocalSumsInterlocked")]
    [TestCase("ParallelLoopStates.RangesInterlocked")]
    public void FixedParallelLoop_HasNoBug_UnderRandomAndPct(string method)
    {
        foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct })
        {
            var report = Workload.Explore(method, new TestConfiguration { Strategy = strategy, Iterations = Budget, Seed = 2026, FailOnMaxSteps = true });
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.CouldNotTest, Is.Null, () => report.CouldNotTest!.Summary);
            Assert.That(report.Iterations, Is.EqualTo(Budget));
            Assert.That(report.TotalSteps, Is.GreaterThan(Budget * 3), "every iteration really ran its scheduling points");
        }
    }
}
