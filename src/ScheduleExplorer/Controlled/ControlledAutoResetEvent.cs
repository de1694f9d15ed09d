using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled construction of an <see cref="AutoResetEvent"/>: records its initial state.</summary>
public static class ControlledAutoResetEvent
{
    /// <inheritdoc cref="AutoResetEvent(bool)"/>
    public static AutoResetEvent Create(bool initialState)
    {
        var handle = new AutoResetEvent(initialState);
        ControlledScheduler.CurrentOperation?.Scheduler.Resources.RegisterEvent(handle, initialState, autoReset: true);
        return handle;
    }
}
