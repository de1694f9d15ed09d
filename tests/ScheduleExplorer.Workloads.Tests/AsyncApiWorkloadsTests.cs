using ScheduleExplorer.Workloads.Async;

namespace ScheduleExplorer.Workloads.Tests;

/// <summary>
/// The workloads of the async APIs controlled beyond the core task set, on real threads,
/// un-rewritten: every fix holds its invariant over many runs.
/// </summary>
[TestFixture]
public sealed class AsyncApiWorkloadsTests
{
    [Test]
    public void CancellableWorker_Fix_HoldsOnRealThreads() =>
        Bounded.Run(() =>
        {
            for (int run = 0; run < 200; run++)
            {
                CancellableWorker.CancelsAfterTheProducer();
            }
        });

    [Test]
    public void TaskCombinatorFixes_HoldOnRealThreads() =>
        Bounded.Run(() =>
        {
            for (int run = 0; run < 200; run++)
            {
                CacheWarmup.ServesWhenAllLoaded().GetAwaiter().GetResult();
                CacheWarmup.ServesTheFirstLoad().GetAwaiter().GetResult();
                CacheWarmup.CountsInterlocked().GetAwaiter().GetResult();
                ResultsAsTheyComplete.IndexesByTask().GetAwaiter().GetResult();
                ResultsAsTheyComplete.CountsEveryTask().GetAwaiter().GetResult();
            }
        });

    [Test]
    public void SystemTimersTimer_FixAndSemantics_HoldOnRealThreads() =>
        Bounded.Run(() =>
        {
            // Real time: one run each (about a second apiece).
            ReentrantTicks.OneAtATime();
            ElapsedTimerSemantics.Run();
        });
}
