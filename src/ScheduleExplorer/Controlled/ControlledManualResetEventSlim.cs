using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="ManualResetEventSlim"/>: <c>Set</c>, <c>Reset</c> and <c>Wait</c> are scheduling points.</summary>
public static class ControlledManualResetEventSlim
{
    /// <inheritdoc cref="ManualResetEventSlim()"/>
    public static ManualResetEventSlim Create() => Create(false);

    /// <inheritdoc cref="ManualResetEventSlim(bool)"/>
    public static ManualResetEventSlim Create(bool initialState) => Register(new ManualResetEventSlim(initialState), initialState);

    /// <inheritdoc cref="ManualResetEventSlim(bool, int)"/>
    public static ManualResetEventSlim Create(bool initialState, int spinCount) =>
        Register(new ManualResetEventSlim(initialState, spinCount), initialState);

    /// <inheritdoc cref="ManualResetEventSlim.Set"/>
    public static void Set(ManualResetEventSlim target)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            target.Set();
            return;
        }

        EventModel.Set(op, EventModel.Of(op, target));
    }

    /// <inheritdoc cref="ManualResetEventSlim.Reset"/>
    public static void Reset(ManualResetEventSlim target)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            target.Reset();
            return;
        }

        EventModel.Reset(op, EventModel.Of(op, target));
    }

    /// <inheritdoc cref="ManualResetEventSlim.Wait()"/>
    public static void Wait(ManualResetEventSlim target) => Wait(target, Timeout.Infinite);

    /// <inheritdoc cref="ManualResetEventSlim.Wait(CancellationToken)"/>
    public static void Wait(ManualResetEventSlim target, CancellationToken cancellationToken) =>
        Wait(target, Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="ManualResetEventSlim.Wait(TimeSpan)"/>
    public static bool Wait(ManualResetEventSlim target, TimeSpan timeout) => Wait(target, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="ManualResetEventSlim.Wait(TimeSpan, CancellationToken)"/>
    public static bool Wait(ManualResetEventSlim target, TimeSpan timeout, CancellationToken cancellationToken) =>
        Wait(target, Timeouts.ToMilliseconds(timeout), cancellationToken);

    /// <inheritdoc cref="ManualResetEventSlim.Wait(int, CancellationToken)"/>
    public static bool Wait(ManualResetEventSlim target, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            return target.Wait(millisecondsTimeout, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Wait(target, millisecondsTimeout);
    }

    /// <inheritdoc cref="ManualResetEventSlim.Wait(int)"/>
    public static bool Wait(ManualResetEventSlim target, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? EventModel.Wait(op, EventModel.Of(op, target), millisecondsTimeout)
            : target.Wait(millisecondsTimeout);

    /// <inheritdoc cref="ManualResetEventSlim.IsSet"/>
    public static bool get_IsSet(ManualResetEventSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? EventModel.Of(op, target).IsSet : target.IsSet;

    private static ManualResetEventSlim Register(ManualResetEventSlim target, bool initialState)
    {
        ControlledScheduler.CurrentOperation?.Scheduler.Resources.RegisterEvent(target, initialState, autoReset: false);
        return target;
    }
}
