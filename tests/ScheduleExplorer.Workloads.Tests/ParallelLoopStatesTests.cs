using ScheduleExplorer.Workloads.Async;

namespace ScheduleExplorer.Workloads.Tests;

/// <summary>
/// The parallel-loop fixes on the real thread pool, un-rewritten: the first match, .NET's Stop/Break
/// rules and the totals hold on every run (their checks are exact, so no run depends on timing).
/// </summary>
[TestFixture]
public sealed class ParallelLoopStatesTests
{
    [Test]
    public void Fixes_HoldOnRealThreads() =>
        Bounded.Run(() =>
        {
            for (int run = 0; run < 100; run++)
            {
                ParallelLoopStates.FirstMatchLocked();
                ParallelLoopStates.StopThenBreakThrows();
                ParallelLoopStates.LocalSumsInterlocked();
                ParallelLoopStates.RangesInterlocked();
            }
        });
}
