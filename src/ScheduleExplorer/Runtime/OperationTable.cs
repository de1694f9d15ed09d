using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The operations of one iteration, in creation order (an operation's id is its index), which of
/// them are enabled, and the virtual clock that timed waits and sleeps run on.
/// </summary>
[DebuggerDisplay("{Count} operations, t = {Now} ms")]
internal sealed class OperationTable
{
    private readonly List<ControlledOperation> _operations = [];
    private int[] _enabled = new int[8];

    /// <summary>Virtual time in milliseconds since the iteration started.</summary>
    public long Now { get; private set; }

    public int Count => _operations.Count;

    public IReadOnlyList<ControlledOperation> All => _operations;

    public ControlledOperation this[int id] => _operations[id];

    public ControlledOperation Add(ControlledScheduler scheduler, string name, Action<object?> body, object? state, Thread? thread)
    {
        var operation = new ControlledOperation(scheduler, _operations.Count, name, body, state, thread);
        _operations.Add(operation);
        return operation;
    }

    public void Clear()
    {
        _operations.Clear();
        Now = 0;
    }

    public bool AnyBlocked() => _operations.Exists(o => o.Status == OperationStatus.Blocked);

    /// <summary>
    /// The ids of the enabled operations, ascending. When none is enabled but some operation waits
    /// for a deadline, virtual time first jumps to the earliest deadline.
    /// </summary>
    public ReadOnlySpan<int> Enabled()
    {
        int count = CollectEnabled();
        if (count == 0 && AdvanceClock())
        {
            count = CollectEnabled();
        }

        return _enabled.AsSpan(0, count);
    }

    private int CollectEnabled()
    {
        int count = 0;
        var operations = _operations;
        for (int i = 0; i < operations.Count; i++)
        {
            if (operations[i].IsEnabled(Now))
            {
                if (count == _enabled.Length)
                {
                    Array.Resize(ref _enabled, count * 2);
                }

                _enabled[count++] = i;
            }
        }

        return count;
    }

    /// <summary>Moves virtual time to the earliest deadline of a blocked operation, if there is one.</summary>
    private bool AdvanceClock()
    {
        long earliest = long.MaxValue;
        foreach (var operation in _operations)
        {
            if (operation.Status == OperationStatus.Blocked && operation.Deadline < earliest)
            {
                earliest = operation.Deadline;
            }
        }

        if (earliest == long.MaxValue)
        {
            return false;
        }

        Now = Math.Max(Now, earliest);
        return true;
    }
}
