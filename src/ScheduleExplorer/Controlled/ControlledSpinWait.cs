using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="SpinWait"/>: a spin is a yield that waits for another operation to take a
/// step (nothing else can change what the spinner looks at), so <c>SpinUntil</c> on a condition
/// that never becomes true is a deadlock report, and its timeout runs on the virtual clock.
/// Outside a controlled run every member is the BCL's.
/// </summary>
public static class ControlledSpinWait
{
    /// <inheritdoc cref="SpinWait.SpinOnce()"/>
    public static void SpinOnce(ref SpinWait spinWait) => SpinOnce(ref spinWait, 20);

    /// <inheritdoc cref="SpinWait.SpinOnce(int)"/>
    public static void SpinOnce(ref SpinWait spinWait, int sleep1Threshold)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            spinWait.SpinOnce(sleep1Threshold);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sleep1Threshold, -1);

        // Count and NextSpinWillYield keep their meaning: the struct's only field is the count.
        ref int count = ref Unsafe.As<SpinWait, int>(ref spinWait);
        count = count == int.MaxValue ? 10 : count + 1;
        SpinProgress.AwaitStep(op, ControlledSite.Current);
    }

    /// <inheritdoc cref="SpinWait.SpinUntil(Func{bool})"/>
    public static void SpinUntil(Func<bool> condition) => SpinUntil(condition, Timeout.Infinite);

    /// <inheritdoc cref="SpinWait.SpinUntil(Func{bool}, TimeSpan)"/>
    public static bool SpinUntil(Func<bool> condition, TimeSpan timeout) => SpinUntil(condition, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="SpinWait.SpinUntil(Func{bool}, int)"/>
    public static bool SpinUntil(Func<bool> condition, int millisecondsTimeout)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return SpinWait.SpinUntil(condition, millisecondsTimeout);
        }

        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        string? site = ControlledSite.Current;
        long deadline = millisecondsTimeout < 0 ? long.MaxValue : op.Scheduler.Now + millisecondsTimeout;
        while (!condition())
        {
            if (!SpinProgress.AwaitStep(op, site, deadline) || op.Scheduler.Now >= deadline)
            {
                return condition();
            }
        }

        return true;
    }
}
