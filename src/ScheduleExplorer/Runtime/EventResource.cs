using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled state of an event (<see cref="ManualResetEventSlim"/>, <see cref="ManualResetEvent"/>,
/// <see cref="AutoResetEvent"/>): set or not, and whether a successful wait resets it.
/// </summary>
[DebuggerDisplay("{Name}: {IsSet}")]
internal sealed class EventResource : SynchronizationResource
{
    public EventResource(object target, int sequence, bool isSet, bool autoReset)
        : base(target, sequence)
    {
        IsSet = isSet;
        AutoReset = autoReset;
    }

    public bool IsSet { get; set; }

    public bool AutoReset { get; }

    public override bool CanProceed(ControlledOperation operation) => IsSet;
}
