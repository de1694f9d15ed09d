using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled construction of a <see cref="ManualResetEvent"/>: records its initial state.</summary>
public static class ControlledManualResetEvent
{
    /// <inheritdoc cref="ManualResetEvent(bool)"/>
    public static ManualResetEvent Create(bool initialState)
    {
        var handle = new ManualResetEvent(initialState);
        ControlledScheduler.CurrentOperation?.Scheduler.Resources.RegisterEvent(handle, initialState, autoReset: false);
        return handle;
    }
}
