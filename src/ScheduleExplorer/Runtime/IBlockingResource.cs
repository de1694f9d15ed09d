namespace ScheduleExplorer.Runtime;

/// <summary>
/// Something an operation can pause on. Blocking is "pause until": an operation blocked on a
/// resource is enabled only while <see cref="CanProceed"/> holds, so a state where nothing is
/// enabled and something is blocked is a deadlock.
/// </summary>
internal interface IBlockingResource
{
    /// <summary>Whether <paramref name="operation"/> could make progress on this resource now.</summary>
    bool CanProceed(ControlledOperation operation);

    /// <summary>The operation holding the resource, when exactly one does (for wait-for cycles).</summary>
    ControlledOperation? Owner { get; }

    /// <summary>A short human name for reports, such as "fork 1" or "SemaphoreSlim#2".</summary>
    string Name { get; }
}
