using ScheduleExplorer.Workloads.Memory;

namespace ScheduleExplorer.Workloads.Tests;

/// <summary>
/// The fenced twins of the store-buffering protocols hold on real threads, many times over: with a
/// full fence between each thread's store and its load, never do both threads enter.
/// </summary>
[TestFixture]
public sealed class MemoryOrderTests
{
    private const int Runs = 500;

    private static readonly Action[] s_fenced = [Dekker.MemoryBarrier, Dekker.InterlockedExchange, Dekker.VolatileCallsFenced, Peterson.Fenced];

    [TestCaseSource(nameof(s_fenced))]
    public void FencedProtocol_NeverLetsBothThreadsIn(Action workload) =>
        Bounded.Run(() =>
        {
            for (int i = 0; i < Runs; i++)
            {
                workload();
            }
        });
}
