using ScheduleExplorer.Workloads.Primitives;

namespace ScheduleExplorer.Workloads.Tests;

/// <summary>The correct primitives samples pass their own checks on real threads, run after run.</summary>
[TestFixture]
public sealed class PrimitivesTests
{
    private const int Runs = 100;

    private static IEnumerable<TestCaseData> Fixes()
    {
        yield return new TestCaseData((Action)LazyCache.ThreadSafe).SetName("LazyCache_ThreadSafe_LoadsOnce");
        yield return new TestCaseData((Action)LazyCache.PublicationOnly).SetName("LazyCache_PublicationOnly_PublishesOneValue");
        yield return new TestCaseData((Action)ConnectionInit.Locked).SetName("ConnectionInit_Locked_OpensOnce");
        yield return new TestCaseData((Action)RegistryCache.Upgradeable).SetName("RegistryCache_Upgradeable_CreatesOnce");
        yield return new TestCaseData((Action)PhasedExchange.TwoBarriersPerRound).SetName("PhasedExchange_TwoBarriersPerRound_ReadsTheRightRound");
        yield return new TestCaseData((Action)FanIn.StoreThenSignal).SetName("FanIn_StoreThenSignal_SumsEveryPart");
        yield return new TestCaseData((Action)SpinCounter.Enters).SetName("SpinCounter_Enters_LosesNothing");
        yield return new TestCaseData((Action)SpinHandshake.Acknowledged).SetName("SpinHandshake_Acknowledged_DeliversEveryItem");
        yield return new TestCaseData((Action)ReplicaQuery.WaitAll).SetName("ReplicaQuery_WaitAll_SeesBothAnswers");
        yield return new TestCaseData((Action)MutexCounter.Guarded).SetName("MutexCounter_Guarded_LosesNothing");
        yield return new TestCaseData((Action)PrinterPool.OnePermit).SetName("PrinterPool_OnePermit_PrintsOneAtATime");
        yield return new TestCaseData((Action)LogPipeline.CompletesAfterBoth).SetName("LogPipeline_CompletesAfterBoth_ConsumesEveryLine");
        yield return new TestCaseData((Action)PerThreadTally.ThreadLocalCounter).SetName("PerThreadTally_ThreadLocalCounter_CountsPerThread");
        yield return new TestCaseData((Action)RequestContext.AsyncLocalFlow).SetName("RequestContext_AsyncLocalFlow_StampsTheRightRequest");
        yield return new TestCaseData((Action)InterruptibleWorker.Interrupted).SetName("InterruptibleWorker_Interrupted_ShutsDown");
        yield return new TestCaseData((Action)ReentrancyGuard.ThreadStaticFlag).SetName("ReentrancyGuard_ThreadStaticFlag_LogsEveryLine");
        yield return new TestCaseData((Action)ReportCache.GetOrAddLazy).SetName("ReportCache_GetOrAddLazy_BuildsOnce");
        yield return new TestCaseData((Action)ReentrancyGuard.FreshOnEveryThread).SetName("ReentrancyGuard_FreshOnEveryThread_NewThreadLogs");
        yield return new TestCaseData((Action)StripedTally.TotalInterlocked).SetName("StripedTally_TotalInterlocked_LosesNoOrder");
        yield return new TestCaseData((Action)StripedTally.CombinedHashStripes).SetName("StripedTally_CombinedHashStripes_LosesNoOrder");
    }

    /// <summary>Each fix, many times over.</summary>
    /// <param name="fix">The workload entry.</param>
    [TestCaseSource(nameof(Fixes))]
    public void Fix_HoldsOnRealThreads(Action fix) =>
        Bounded.Run(() =>
        {
            for (int run = 0; run < Runs; run++)
            {
                fix();
            }
        });
}
