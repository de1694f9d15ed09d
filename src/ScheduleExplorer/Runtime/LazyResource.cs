using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled state of a <see cref="Lazy{T}"/>: not created, being created (by whom), created
/// (with its value) or faulted (with the cached exception). Under
/// <see cref="LazyThreadSafetyMode.ExecutionAndPublication"/> other callers block while the creator
/// runs the factory, so a factory that waits for one of them is a visible deadlock instead of a
/// real lock held inside the BCL.
/// </summary>
[DebuggerDisplay("{Name}: created {IsCreated}, creator {Creator?.Name}")]
internal sealed class LazyResource : SynchronizationResource
{
    public LazyResource(object target, int sequence, LazyThreadSafetyMode mode)
        : base(target, sequence)
    {
        Mode = mode;
    }

    public LazyThreadSafetyMode Mode { get; }

    /// <summary>The operation running the factory under <see cref="LazyThreadSafetyMode.ExecutionAndPublication"/> or <see cref="LazyThreadSafetyMode.None"/>.</summary>
    public ControlledOperation? Creator { get; set; }

    public bool IsCreated { get; set; }

    public object? Value { get; set; }

    public ExceptionDispatchInfo? Failure { get; set; }

    public override ControlledOperation? Owner => Mode == LazyThreadSafetyMode.ExecutionAndPublication ? Creator : null;

    public override bool CanProceed(ControlledOperation operation) =>
        Mode != LazyThreadSafetyMode.ExecutionAndPublication || Creator is null;
}
