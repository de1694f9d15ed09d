using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>The controlled state of a <see cref="SemaphoreSlim"/>: its count and maximum.</summary>
[DebuggerDisplay("{Name}: {Count}/{Maximum}")]
internal sealed class SemaphoreResource : SynchronizationResource
{
    public SemaphoreResource(object target, int sequence, int count, int maximum)
        : base(target, sequence)
    {
        Count = count;
        Maximum = maximum;
    }

    public int Count { get; set; }

    public int Maximum { get; }

    public override bool CanProceed(ControlledOperation operation) => Count > 0;
}
