using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled state of a <see cref="Barrier"/>: participants, how many have yet to signal in
/// the current phase, the phase number, and the phase each blocked participant waits to end.
/// </summary>
[DebuggerDisplay("{Name}: phase {Phase}, {Remaining}/{Participants} to signal")]
internal sealed class BarrierResource : SynchronizationResource
{
    public BarrierResource(object target, int sequence, int participants, long phase)
        : base(target, sequence)
    {
        Participants = participants;
        Remaining = participants;
        Phase = phase;
    }

    public int Participants { get; set; }

    public int Remaining { get; set; }

    public long Phase { get; set; }

    /// <summary>The exception of the last phase's post-phase action, rethrown to every participant of that phase.</summary>
    public Exception? PostPhaseFailure { get; set; }

    /// <summary>The phase whose post-phase action failed.</summary>
    public long FailedPhase { get; set; } = -1;

    /// <summary>The phase each blocked participant is in.</summary>
    public Dictionary<ControlledOperation, long> Waiting { get; } = [];

    public override bool CanProceed(ControlledOperation operation) =>
        !Waiting.TryGetValue(operation, out long phase) || Phase != phase;
}
