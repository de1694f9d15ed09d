using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>The controlled state of a <see cref="SemaphoreSlim"/>: its count and maximum.</summary>
[DebuggerDisplay("{Name}: {Count}/{Maximum}")]
internal sealed class SemaphoreResource : IBlockingResource
{
    private readonly object _target;
    private readonly int _sequence;
    private string? _name;

    public SemaphoreResource(object target, int sequence, int count, int maximum)
    {
        _target = target;
        _sequence = sequence;
        Count = count;
        Maximum = maximum;
    }

    public int Count { get; set; }

    public int Maximum { get; }

    public ControlledOperation? Owner => null;

    public string Name => _name ??= ResourceNames.Describe(_target, _sequence);

    public bool CanProceed(ControlledOperation operation) => Count > 0;
}
