using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="CountdownEvent"/>: <c>Signal</c>, <c>AddCount</c> and <c>Reset</c> are
/// scheduling points on a modelled count (with the BCL's exceptions for a count driven below zero
/// or raised from zero), and <c>Wait</c> blocks until it reaches zero, visible to deadlock
/// detection, its timeout on the virtual clock. Outside a controlled run every member is the BCL's.
/// </summary>
public static class ControlledCountdownEvent
{
    /// <inheritdoc cref="CountdownEvent(int)"/>
    public static CountdownEvent Create(int initialCount)
    {
        var countdown = new CountdownEvent(initialCount);
        ControlledScheduler.CurrentOperation?.Scheduler.Resources.Register(countdown, (t, s) => new CountdownResource(t, s, initialCount, initialCount));
        return countdown;
    }

    /// <inheritdoc cref="CountdownEvent.Signal()"/>
    public static bool Signal(CountdownEvent countdown) => Signal(countdown, 1);

    /// <inheritdoc cref="CountdownEvent.Signal(int)"/>
    public static bool Signal(CountdownEvent countdown, int signalCount)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return countdown.Signal(signalCount);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(signalCount, 1);
        var resource = Step(op, countdown);
        if (resource.Count < signalCount)
        {
            throw new InvalidOperationException("Invalid attempt made to decrement the event's count below zero.");
        }

        resource.Count -= signalCount;
        return resource.Count == 0;
    }

    /// <inheritdoc cref="CountdownEvent.AddCount()"/>
    public static void AddCount(CountdownEvent countdown) => AddCount(countdown, 1);

    /// <inheritdoc cref="CountdownEvent.AddCount(int)"/>
    public static void AddCount(CountdownEvent countdown, int signalCount)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            countdown.AddCount(signalCount);
            return;
        }

        if (!TryAddCount(countdown, signalCount))
        {
            throw new InvalidOperationException("The event is already signaled and cannot be incremented.");
        }
    }

    /// <inheritdoc cref="CountdownEvent.TryAddCount()"/>
    public static bool TryAddCount(CountdownEvent countdown) => TryAddCount(countdown, 1);

    /// <inheritdoc cref="CountdownEvent.TryAddCount(int)"/>
    public static bool TryAddCount(CountdownEvent countdown, int signalCount)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return countdown.TryAddCount(signalCount);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(signalCount, 1);
        var resource = Step(op, countdown);
        if (resource.Count == 0)
        {
            return false;
        }

        resource.Count += signalCount;
        return true;
    }

    /// <inheritdoc cref="CountdownEvent.Reset()"/>
    public static void Reset(CountdownEvent countdown)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            countdown.Reset();
            return;
        }

        var resource = Step(op, countdown);
        resource.Count = resource.Initial;
    }

    /// <inheritdoc cref="CountdownEvent.Reset(int)"/>
    public static void Reset(CountdownEvent countdown, int count)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            countdown.Reset(count);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var resource = Step(op, countdown);
        resource.Count = count;
        resource.Initial = count;
    }

    /// <inheritdoc cref="CountdownEvent.Wait()"/>
    public static void Wait(CountdownEvent countdown) => Wait(countdown, Timeout.Infinite, CancellationToken.None);

    /// <inheritdoc cref="CountdownEvent.Wait(CancellationToken)"/>
    public static void Wait(CountdownEvent countdown, CancellationToken cancellationToken) =>
        Wait(countdown, Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="CountdownEvent.Wait(int)"/>
    public static bool Wait(CountdownEvent countdown, int millisecondsTimeout) => Wait(countdown, millisecondsTimeout, CancellationToken.None);

    /// <inheritdoc cref="CountdownEvent.Wait(TimeSpan)"/>
    public static bool Wait(CountdownEvent countdown, TimeSpan timeout) =>
        Wait(countdown, Timeouts.ToMilliseconds(timeout), CancellationToken.None);

    /// <inheritdoc cref="CountdownEvent.Wait(TimeSpan, CancellationToken)"/>
    public static bool Wait(CountdownEvent countdown, TimeSpan timeout, CancellationToken cancellationToken) =>
        Wait(countdown, Timeouts.ToMilliseconds(timeout), cancellationToken);

    /// <inheritdoc cref="CountdownEvent.Wait(int, CancellationToken)"/>
    public static bool Wait(CountdownEvent countdown, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return countdown.Wait(millisecondsTimeout, cancellationToken);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        cancellationToken.ThrowIfCancellationRequested();
        return op.Scheduler.WaitFor(op, Of(op, countdown), SchedulingPointKind.Wait, ControlledSite.Current, millisecondsTimeout);
    }

    /// <inheritdoc cref="CountdownEvent.CurrentCount"/>
    public static int get_CurrentCount(CountdownEvent countdown) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, countdown).Count : countdown.CurrentCount;

    /// <inheritdoc cref="CountdownEvent.InitialCount"/>
    public static int get_InitialCount(CountdownEvent countdown) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, countdown).Initial : countdown.InitialCount;

    /// <inheritdoc cref="CountdownEvent.IsSet"/>
    public static bool get_IsSet(CountdownEvent countdown) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, countdown).Count == 0 : countdown.IsSet;

    /// <inheritdoc cref="CountdownEvent.WaitHandle"/>
    public static WaitHandle get_WaitHandle(CountdownEvent countdown) =>
        ControlledScheduler.CurrentOperation is null
            ? countdown.WaitHandle
            : throw new UncontrolledConcurrencyException("CountdownEvent.WaitHandle", "The real handle of a controlled CountdownEvent never changes state under control: call Wait on the CountdownEvent itself.");

    private static CountdownResource Of(ControlledOperation op, CountdownEvent countdown)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        return op.Scheduler.Resources.GetOrAdd(countdown, static (t, s) =>
        {
            var real = (CountdownEvent)t;
            return new CountdownResource(t, s, real.CurrentCount, real.InitialCount);
        });
    }

    /// <summary>A change of the count: a scheduling point first (it can enable or disable waiters, or throw), then a write.</summary>
    private static CountdownResource Step(ControlledOperation op, CountdownEvent countdown)
    {
        var resource = Of(op, countdown);
        op.Scheduler.SchedulePoint(op, SchedulingPointKind.Release, ControlledSite.Current);
        op.Scheduler.RecordEffect(resource, isWrite: true);
        return resource;
    }
}
