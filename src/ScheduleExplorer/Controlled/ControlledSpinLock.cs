using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="SpinLock"/>. The lock's state stays in the user's struct (a value type
/// has no identity to key a model on): taking it is a scheduling point followed by a real
/// non-blocking attempt, and a contended attempt blocks until some spin lock is released instead
/// of spinning, so a lock that is never released is a deadlock report. Owner tracking, recursion
/// and release checks are the BCL's own. Outside a controlled run every member is the BCL's.
/// </summary>
public static class ControlledSpinLock
{
    /// <inheritdoc cref="SpinLock.Enter(ref bool)"/>
    public static void Enter(ref SpinLock spinLock, ref bool lockTaken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            spinLock.Enter(ref lockTaken);
            return;
        }

        TryEnterCore(op, ref spinLock, ref lockTaken, Timeout.Infinite);
    }

    /// <inheritdoc cref="SpinLock.TryEnter(ref bool)"/>
    public static void TryEnter(ref SpinLock spinLock, ref bool lockTaken) => TryEnter(ref spinLock, 0, ref lockTaken);

    /// <inheritdoc cref="SpinLock.TryEnter(TimeSpan, ref bool)"/>
    public static void TryEnter(ref SpinLock spinLock, TimeSpan timeout, ref bool lockTaken) =>
        TryEnter(ref spinLock, Timeouts.ToMilliseconds(timeout), ref lockTaken);

    /// <inheritdoc cref="SpinLock.TryEnter(int, ref bool)"/>
    public static void TryEnter(ref SpinLock spinLock, int millisecondsTimeout, ref bool lockTaken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            spinLock.TryEnter(millisecondsTimeout, ref lockTaken);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        TryEnterCore(op, ref spinLock, ref lockTaken, millisecondsTimeout);
    }

    /// <inheritdoc cref="SpinLock.Exit()"/>
    public static void Exit(ref SpinLock spinLock) => Exit(ref spinLock, useMemoryBarrier: true);

    /// <inheritdoc cref="SpinLock.Exit(bool)"/>
    public static void Exit(ref SpinLock spinLock, bool useMemoryBarrier)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            spinLock.Exit(useMemoryBarrier);
            return;
        }

        // A release only enables others (a left mover): the next visible operation takes the point.
        op.Scheduler.ThrowIfCanceled();
        spinLock.Exit(useMemoryBarrier);
        var releases = SpinProgress.Releases(op);
        releases.Releases++;
        op.Scheduler.RecordEffect(releases, isWrite: true);
    }

    private static void TryEnterCore(ControlledOperation op, ref SpinLock spinLock, ref bool lockTaken, int millisecondsTimeout)
    {
        var scheduler = op.Scheduler;
        string? site = ControlledSite.Current;
        long deadline = millisecondsTimeout < 0 ? long.MaxValue : scheduler.Now + millisecondsTimeout;
        var releases = SpinProgress.Releases(op);
        scheduler.SchedulePoint(op, SchedulingPointKind.Acquire, site);
        while (true)
        {
            // The real attempt never waits; it throws as the BCL does on a set lockTaken or a recursive enter.
            spinLock.TryEnter(0, ref lockTaken);
            scheduler.RecordEffect(releases, isWrite: true);
            if (lockTaken || !SpinProgress.AwaitRelease(op, site, deadline))
            {
                return;
            }
        }
    }
}
