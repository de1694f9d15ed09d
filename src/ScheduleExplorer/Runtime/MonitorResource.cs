using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled state of a monitor (<c>lock</c>, <c>Monitor</c>) or a <c>System.Threading.Lock</c>:
/// an owner with a recursion count, and a FIFO wait set for <c>Monitor.Wait</c>.
/// </summary>
[DebuggerDisplay("{Name}: owner {Owner?.Name}, depth {Depth}")]
internal sealed class MonitorResource : SynchronizationResource
{
    private readonly bool _abandonable;
    private ControlledOperation? _owner;

    public MonitorResource(object target, int sequence)
        : base(target, sequence)
    {
        _abandonable = target is Mutex;
    }

    public override ControlledOperation? Owner => _owner;

    public int Depth { get; private set; }

    /// <summary>Operations in <c>Monitor.Wait</c> on this monitor, in arrival order.</summary>
    public List<ControlledOperation> WaitSet { get; } = [];

    /// <summary>
    /// A mutex whose owner is a thread that ended without releasing it: the next wait takes it and
    /// gets an <see cref="AbandonedMutexException"/>, as in .NET. (A monitor is never abandoned, and a
    /// task body that ends does not end its pool thread.)
    /// </summary>
    public bool IsAbandoned => _abandonable && _owner is { Status: OperationStatus.Completed, ThreadObject: not null };

    public override bool CanProceed(ControlledOperation operation) =>
        !operation.AwaitingPulse && (_owner is null || ReferenceEquals(_owner, operation) || IsAbandoned);

    /// <summary>Makes <paramref name="operation"/> the owner of this abandoned mutex, at depth one.</summary>
    public void TakeAbandoned(ControlledOperation operation)
    {
        Debug.Assert(IsAbandoned, "only an abandoned mutex is taken over");
        _owner!.Held.Remove(this);
        _owner = operation;
        operation.Held.Add(this);
        Depth = 1;
    }

    public void Enter(ControlledOperation operation, int depth = 1)
    {
        Debug.Assert(_owner is null || ReferenceEquals(_owner, operation), "enter only when free or owned");
        if (_owner is null)
        {
            _owner = operation;
            operation.Held.Add(this);
        }

        Depth += depth;
    }

    /// <summary>Releases one level (or all levels with <paramref name="all"/>); returns the levels released.</summary>
    public int Exit(ControlledOperation operation, bool all = false)
    {
        if (!ReferenceEquals(_owner, operation))
        {
            throw new SynchronizationLockException(
                $"Object synchronization method was called from an unsynchronized block of code ({Name} is not held by '{operation.Name}').");
        }

        int released = all ? Depth : 1;
        Depth -= released;
        if (Depth == 0)
        {
            _owner = null;
            operation.Held.Remove(this);
        }

        return released;
    }
}
