using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Monitor"/> (and so the <c>lock</c> statement). Under a controlled run the
/// monitor is modelled per iteration (owner, recursion, wait set) and every call is a scheduling
/// point; outside one, every method is exactly the BCL's.
/// </summary>
public static class ControlledMonitor
{
    /// <inheritdoc cref="Monitor.Enter(object)"/>
    public static void Enter(object obj)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            Monitor.Enter(obj);
            return;
        }

        TryEnterCore(op, obj, -1);
    }

    /// <inheritdoc cref="Monitor.Enter(object, ref bool)"/>
    public static void Enter(object obj, ref bool lockTaken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            Monitor.Enter(obj, ref lockTaken);
            return;
        }

        ThrowIfTaken(lockTaken);
        TryEnterCore(op, obj, -1);
        lockTaken = true;
    }

    /// <inheritdoc cref="Monitor.TryEnter(object)"/>
    public static bool TryEnter(object obj) => TryEnter(obj, 0);

    /// <inheritdoc cref="Monitor.TryEnter(object, ref bool)"/>
    public static void TryEnter(object obj, ref bool lockTaken) => TryEnter(obj, 0, ref lockTaken);

    /// <inheritdoc cref="Monitor.TryEnter(object, int)"/>
    public static bool TryEnter(object obj, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? TryEnterCore(op, obj, millisecondsTimeout)
            : Monitor.TryEnter(obj, millisecondsTimeout);

    /// <inheritdoc cref="Monitor.TryEnter(object, TimeSpan)"/>
    public static bool TryEnter(object obj, TimeSpan timeout) => TryEnter(obj, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="Monitor.TryEnter(object, int, ref bool)"/>
    public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            Monitor.TryEnter(obj, millisecondsTimeout, ref lockTaken);
            return;
        }

        ThrowIfTaken(lockTaken);
        lockTaken = TryEnterCore(op, obj, millisecondsTimeout);
    }

    /// <inheritdoc cref="Monitor.TryEnter(object, TimeSpan, ref bool)"/>
    public static void TryEnter(object obj, TimeSpan timeout, ref bool lockTaken) =>
        TryEnter(obj, Timeouts.ToMilliseconds(timeout), ref lockTaken);

    /// <inheritdoc cref="Monitor.Exit(object)"/>
    public static void Exit(object obj)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            Monitor.Exit(obj);
            return;
        }

        ArgumentNullException.ThrowIfNull(obj);
        ExitCore(op, obj);
    }

    /// <summary>The controlled release of a monitor or a <see cref="Lock"/>.</summary>
    internal static void ExitCore(ControlledOperation op, object target)
    {
        // A release only enables others (a left mover): no scheduling point is needed before or
        // after it, because the releaser's next visible operation takes one.
        op.Scheduler.ThrowIfCanceled();
        var monitor = op.Scheduler.Resources.Monitor(target);
        monitor.Exit(op);
        op.Scheduler.RecordEffect(monitor, isWrite: true);
    }

    /// <inheritdoc cref="Monitor.IsEntered(object)"/>
    public static bool IsEntered(object obj) =>
        ControlledScheduler.CurrentOperation is { } op
            ? ReferenceEquals(op.Scheduler.Resources.Monitor(obj).Owner, op)
            : Monitor.IsEntered(obj);

    /// <inheritdoc cref="Monitor.Wait(object)"/>
    public static bool Wait(object obj) => Wait(obj, Timeout.Infinite);

    /// <inheritdoc cref="Monitor.Wait(object, int)"/>
    public static bool Wait(object obj, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? WaitCore(op, obj, millisecondsTimeout)
            : Monitor.Wait(obj, millisecondsTimeout);

    /// <inheritdoc cref="Monitor.Wait(object, TimeSpan)"/>
    public static bool Wait(object obj, TimeSpan timeout) => Wait(obj, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="Monitor.Wait(object, int, bool)"/>
    public static bool Wait(object obj, int millisecondsTimeout, bool exitContext) => Wait(obj, millisecondsTimeout);

    /// <inheritdoc cref="Monitor.Wait(object, TimeSpan, bool)"/>
    public static bool Wait(object obj, TimeSpan timeout, bool exitContext) => Wait(obj, timeout);

    /// <inheritdoc cref="Monitor.Pulse(object)"/>
    public static void Pulse(object obj) => PulseCore(obj, all: false);

    /// <inheritdoc cref="Monitor.PulseAll(object)"/>
    public static void PulseAll(object obj) => PulseCore(obj, all: true);

    internal static bool TryEnterCore(ControlledOperation op, object obj, int millisecondsTimeout)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var scheduler = op.Scheduler;
        var monitor = scheduler.Resources.Monitor(obj);
        if (!scheduler.WaitFor(op, monitor, SchedulingPointKind.Acquire, ControlledSite.Current, millisecondsTimeout))
        {
            return false;
        }

        monitor.Enter(op);
        return true;
    }

    private static bool WaitCore(ControlledOperation op, object obj, int millisecondsTimeout)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var scheduler = op.Scheduler;
        var monitor = scheduler.Resources.Monitor(obj);
        string? site = ControlledSite.Current;
        int depth = monitor.Exit(op, all: true);
        scheduler.RecordEffect(monitor, isWrite: true);
        monitor.WaitSet.Add(op);
        op.AwaitingPulse = true;
        long deadline = millisecondsTimeout < 0 ? long.MaxValue : scheduler.Now + millisecondsTimeout;
        bool pulsed = true;
        try
        {
            while (!monitor.CanProceed(op))
            {
                if (op.AwaitingPulse && scheduler.Now >= deadline)
                {
                    // Timed out: leave the wait set, then reacquire like any other waiter.
                    monitor.WaitSet.Remove(op);
                    op.AwaitingPulse = false;
                    pulsed = false;
                    continue;
                }

                scheduler.Block(op, monitor, SchedulingPointKind.Wait, site, op.AwaitingPulse ? deadline : long.MaxValue);
            }
        }
        catch (ThreadInterruptedException)
        {
            // Interrupted: as in .NET, the monitor is reacquired before the exception leaves Wait.
            monitor.WaitSet.Remove(op);
            op.AwaitingPulse = false;
            while (!monitor.CanProceed(op))
            {
                scheduler.Block(op, monitor, SchedulingPointKind.Acquire, site);
            }

            monitor.Enter(op, depth);
            scheduler.RecordEffect(monitor, isWrite: true);
            throw;
        }

        monitor.Enter(op, depth);
        scheduler.RecordEffect(monitor, isWrite: true);
        return pulsed;
    }

    private static void PulseCore(object obj, bool all)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            if (all)
            {
                Monitor.PulseAll(obj);
            }
            else
            {
                Monitor.Pulse(obj);
            }

            return;
        }

        ArgumentNullException.ThrowIfNull(obj);
        var scheduler = op.Scheduler;
        var monitor = scheduler.Resources.Monitor(obj);
        if (!ReferenceEquals(monitor.Owner, op))
        {
            throw new SynchronizationLockException($"Object synchronization method was called from an unsynchronized block of code ({monitor.Name} is not held by '{op.Name}').");
        }

        scheduler.RecordEffect(monitor, isWrite: true);
        if (all)
        {
            monitor.WaitSet.ForEach(waiter => waiter.AwaitingPulse = false);
            monitor.WaitSet.Clear();
        }
        else if (monitor.WaitSet.Count > 0)
        {
            // Which waiter a pulse wakes is unspecified: the strategy chooses (and the trace records it),
            // so a bug that needs "the wrong thread woke up" is found too.
            int index = monitor.WaitSet.Count == 1 ? 0 : scheduler.NextInteger(op, monitor.WaitSet.Count, ControlledSite.Current);
            monitor.WaitSet[index].AwaitingPulse = false;
            monitor.WaitSet.RemoveAt(index);
        }

        // Like a release, a pulse only enables others: the next visible operation takes the point.
    }

    private static void ThrowIfTaken(bool lockTaken)
    {
        if (lockTaken)
        {
            throw new ArgumentException("The lockTaken argument must be set to false before calling this method.", nameof(lockTaken));
        }
    }
}
