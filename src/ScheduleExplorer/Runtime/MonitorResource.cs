using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled state of a monitor (<c>lock</c>, <c>Monitor</c>) or a <c>System.Threading.Lock</c>:
/// an owner with a recursion count, and a FIFO wait set for <c>Monitor.Wait</c>.
/// </summary>
[DebuggerDisplay("{Name}: owner {Owner?.Name}, depth {Depth}")]
internal sealed class MonitorResource : IBlockingResource
{
    private readonly object _target;
    private readonly int _sequence;
    private string? _name;

    public MonitorResource(object target, int sequence)
    {
        _target = target;
        _sequence = sequence;
    }

    public ControlledOperation? Owner { get; private set; }

    public int Depth { get; private set; }

    /// <summary>Operations in <c>Monitor.Wait</c> on this monitor, in arrival order.</summary>
    public List<ControlledOperation> WaitSet { get; } = [];

    public string Name => _name ??= ResourceNames.Describe(_target, _sequence);

    public bool CanProceed(ControlledOperation operation) =>
        !operation.AwaitingPulse && (Owner is null || ReferenceEquals(Owner, operation));

    public void Enter(ControlledOperation operation, int depth = 1)
    {
        Debug.Assert(Owner is null || ReferenceEquals(Owner, operation), "enter only when free or owned");
        if (Owner is null)
        {
            Owner = operation;
            operation.Held.Add(this);
        }

        Depth += depth;
    }

    /// <summary>Releases one level (or all levels with <paramref name="all"/>); returns the levels released.</summary>
    public int Exit(ControlledOperation operation, bool all = false)
    {
        if (!ReferenceEquals(Owner, operation))
        {
            throw new SynchronizationLockException(
                $"Object synchronization method was called from an unsynchronized block of code ({Name} is not held by '{operation.Name}').");
        }

        int released = all ? Depth : 1;
        Depth -= released;
        if (Depth == 0)
        {
            Owner = null;
            operation.Held.Remove(this);
        }

        return released;
    }
}
