using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// What a spin-wait (<see cref="SpinWait.SpinOnce()"/>, <see cref="SpinWait.SpinUntil(Func{bool})"/>)
/// or a contended <see cref="SpinLock"/> pauses on. A spinner can only see something new once
/// another operation has taken a step (or a release of a spin lock happened), so it is enabled
/// again only then: a spin that nothing can end is a deadlock report instead of a hang, and a
/// spinner never starves the operation it waits for.
/// </summary>
[DebuggerDisplay("{Name}")]
internal sealed class ProgressResource : SynchronizationResource
{
    private readonly Func<int>? _clock;
    private readonly Dictionary<ControlledOperation, int> _seen = [];

    /// <param name="target">The key naming the resource in reports.</param>
    /// <param name="sequence">The registration sequence number.</param>
    /// <param name="clock">What counts as progress: the scheduler's step count, or null for <see cref="Releases"/>.</param>
    public ProgressResource(object target, int sequence, Func<int>? clock)
        : base(target, sequence)
    {
        _clock = clock;
    }

    /// <summary>Counts releases, for the <see cref="SpinLock"/> flavour.</summary>
    public int Releases { get; set; }

    /// <summary>Pauses <paramref name="operation"/> until the clock moves past <paramref name="now"/>.</summary>
    public void Expect(ControlledOperation operation, int now) => _seen[operation] = now;

    public void Forget(ControlledOperation operation) => _seen.Remove(operation);

    public override bool CanProceed(ControlledOperation operation) =>
        !_seen.TryGetValue(operation, out int seen) || (_clock?.Invoke() ?? Releases) > seen;
}
