using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>The controlled state of a <see cref="CountdownEvent"/>: its current and initial counts.</summary>
[DebuggerDisplay("{Name}: {Count}/{Initial}")]
internal sealed class CountdownResource : SynchronizationResource
{
    public CountdownResource(object target, int sequence, int count, int initial)
        : base(target, sequence)
    {
        Count = count;
        Initial = initial;
    }

    public int Count { get; set; }

    public int Initial { get; set; }

    public override bool CanProceed(ControlledOperation operation) => Count == 0;
}
