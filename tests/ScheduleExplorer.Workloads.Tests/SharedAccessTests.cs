using ScheduleExplorer.Workloads.Memory;

namespace ScheduleExplorer.Workloads.Tests;

/// <summary>The locked twins of the access-kind lost updates hold on real threads, many times over.</summary>
[TestFixture]
public sealed class SharedAccessTests
{
    private const int Runs = 200;

    private static readonly Action[] s_locked =
    [
        SharedAccess.ArrayIncrementLocked, SharedAccess.ArrayCompoundLocked, SharedAccess.StructInArrayLocked,
        SharedAccess.StaticStructLocked, SharedAccess.RefLocalLocked, SharedAccess.RefParameterLocked,
        SharedAccess.RefReturnLocked, SharedAccess.SpanElementLocked, SharedAccess.FixedPointerLocked,
    ];

    [TestCaseSource(nameof(s_locked))]
    public void LockedTwin_NeverLosesAnUpdate(Action workload) =>
        Bounded.Run(() =>
        {
            for (int i = 0; i < Runs; i++)
            {
                workload();
            }
        });
}
