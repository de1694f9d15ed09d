using ScheduleExplorer.Workloads.Collections;
using ScheduleExplorer.Workloads.Primitives;
using ScheduleExplorer.Workloads.Statics;

namespace ScheduleExplorer.Workloads.Tests;

/// <summary>The correct collection and static-state workloads hold on real threads, many times over.</summary>
[TestFixture]
public sealed class SharedCollectionsTests
{
    private const int Runs = 200;

    private static readonly Action[] s_correct =
    [
        SharedCollections.ListAddLocked, SharedCollections.DictionaryWriteLocked,
        SharedCollections.ListConcurrentReads, SharedCollections.ConcurrentDictionaryWrite,
    ];

    [TestCaseSource(nameof(s_correct))]
    public void CorrectUse_HoldsOnRealThreads(Action workload) =>
        Bounded.Run(() =>
        {
            for (int i = 0; i < Runs; i++)
            {
                workload();
            }
        });

    /// <summary>Run once, as in a fresh process: the counter starts at 0 and each cache is built once.</summary>
    [Test]
    public void FreshStatics_HoldOnceInAFreshProcessState() =>
        Bounded.Run(() =>
        {
            FreshStatics.Ids();
            FreshStatics.LazyCacheLocked();
            CodecCache.BuildUnderLock();
        });
}
