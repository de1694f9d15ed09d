using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="EventWaitHandle"/> (<c>Set</c> and <c>Reset</c> of auto- and manual-reset events).</summary>
public static class ControlledEventWaitHandle
{
    /// <inheritdoc cref="EventWaitHandle(bool, EventResetMode)"/>
    public static EventWaitHandle Create(bool initialState, EventResetMode mode)
    {
        var handle = new EventWaitHandle(initialState, mode);
        ControlledScheduler.CurrentOperation?.Scheduler.Resources.RegisterEvent(handle, initialState, mode == EventResetMode.AutoReset);
        return handle;
    }

    /// <inheritdoc cref="EventWaitHandle.Set"/>
    public static bool Set(EventWaitHandle target)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return target.Set();
        }

        EventModel.Set(op, EventModel.Of(op, target));
        return true;
    }

    /// <inheritdoc cref="EventWaitHandle.Reset"/>
    public static bool Reset(EventWaitHandle target)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return target.Reset();
        }

        EventModel.Reset(op, EventModel.Of(op, target));
        return true;
    }
}
