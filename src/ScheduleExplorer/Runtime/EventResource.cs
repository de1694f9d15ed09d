using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled state of an event (<see cref="ManualResetEventSlim"/>, <see cref="ManualResetEvent"/>,
/// <see cref="AutoResetEvent"/>): set or not, and whether a successful wait resets it.
/// </summary>
[DebuggerDisplay("{Name}: {IsSet}")]
internal sealed class EventResource : IBlockingResource
{
    private readonly object _target;
    private readonly int _sequence;
    private string? _name;

    public EventResource(object target, int sequence, bool isSet, bool autoReset)
    {
        _target = target;
        _sequence = sequence;
        IsSet = isSet;
        AutoReset = autoReset;
    }

    public bool IsSet { get; set; }

    public bool AutoReset { get; }

    public ControlledOperation? Owner => null;

    public string Name => _name ??= ResourceNames.Describe(_target, _sequence);

    public bool CanProceed(ControlledOperation operation) => IsSet;
}
