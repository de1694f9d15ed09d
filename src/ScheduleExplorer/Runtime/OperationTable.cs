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

    // The operations not known to be completed, in id order: an async flow leaves one completed
    // operation behind per await, so decisions scan only these.
    private readonly List<ControlledOperation> _live = [];
    private int[] _enabled = new int[8];

    // Whether this iteration created a timer that may fire early: until then no decision scans for one.
    private bool _anyEarlyTimer;

    /// <summary>Virtual time in milliseconds since the iteration started.</summary>
    public long Now { get; private set; }

    public int Count => _operations.Count;

    /// <summary>Told of every operation created, when a schedule is streamed out of the process.</summary>
    public IScheduleSink? Sink { get; set; }

    public IReadOnlyList<ControlledOperation> All => _operations;

    public ControlledOperation this[int id] => _operations[id];

    public ControlledOperation Add(ControlledScheduler scheduler, string name, Action<object?> body, object? state, Thread? thread)
    {
        var operation = new ControlledOperation(scheduler, _operations.Count, name, body, state, thread);
        _operations.Add(operation);
        _live.Add(operation);
        Sink?.OperationCreated(operation.Id, name);
        return operation;
    }

    public void Clear()
    {
        _operations.Clear();
        _live.Clear();
        _anyEarlyTimer = false;
        Now = 0;
    }

    public bool AnyBlocked() => _live.Exists(o => o.Status == OperationStatus.Blocked);

    /// <summary>Whether a foreground operation (the main flow, a foreground thread) has not finished.</summary>
    public bool AnyForegroundAlive() => _live.Exists(o => !o.IsBackground && o.Status != OperationStatus.Completed);

    /// <summary>Whether any operation has not finished.</summary>
    public bool AnyUnfinished() => _live.Exists(o => o.Status != OperationStatus.Completed);

    /// <summary>The operations that have not finished, in id order.</summary>
    public IReadOnlyList<ControlledOperation> Live => _live;

    /// <summary>Lets <paramref name="timer"/> fire before every other operation waits (time passing while others run).</summary>
    public void MarkFiresEarly(ControlledOperation timer)
    {
        timer.FiresEarly = true;
        _anyEarlyTimer = true;
    }

    /// <summary>Moves virtual time forward to <paramref name="time"/> (a timer fired early).</summary>
    public void AdvanceTo(long time) => Now = Math.Max(Now, time);

    /// <summary>
    /// The ids of the enabled operations, ascending. When none is enabled but some operation waits
    /// for a deadline, virtual time first jumps to the earliest deadline. With
    /// <paramref name="allowEarlyTimers"/> (the running operation just gave up control: it blocked,
    /// awaited or ended) the timers due first count as enabled too: time may pass then, never in
    /// the middle of a flow's own computation, so code that starts ten delays in a loop sees them
    /// all due at the same instant.
    /// </summary>
    public ReadOnlySpan<int> Enabled(bool allowEarlyTimers = false)
    {
        int count = CollectEnabled(allowEarlyTimers);
        if (count == 0 && AdvanceClock())
        {
            count = CollectEnabled(allowEarlyTimers);
        }

        return _enabled.AsSpan(0, count);
    }

    private int CollectEnabled(bool allowEarlyTimers)
    {
        int count = 0;
        int kept = 0;
        var live = _live;
        long firstTimer = allowEarlyTimers && _anyEarlyTimer ? FirstEarlyTimer() : long.MinValue;
        long now = Now;
        for (int i = 0; i < live.Count; i++)
        {
            var operation = live[i];
            if (operation.Status == OperationStatus.Completed)
            {
                continue;
            }

            if (kept != i)
            {
                // Only when something before it completed: a store of a reference costs a GC write barrier.
                live[kept] = operation;
            }

            kept++;
            if (operation.IsEnabled(now) || (operation.FiresEarly && operation.Status == OperationStatus.Blocked && operation.Deadline == firstTimer))
            {
                if (count == _enabled.Length)
                {
                    Array.Resize(ref _enabled, count * 2);
                }

                _enabled[count++] = operation.Id;
            }
        }

        if (kept != live.Count)
        {
            live.RemoveRange(kept, live.Count - kept);
        }
        return count;
    }

    /// <summary>
    /// The earliest deadline of a pending timer that may fire early (time passing while others run),
    /// or none: also none when a blocked operation that is not such a timer (a timed wait, a sleep, a
    /// delay) times out before it, since firing the timer would move the clock past that timeout.
    /// </summary>
    private long FirstEarlyTimer()
    {
        long earliestTimer = long.MaxValue;
        long earliestWait = long.MaxValue;
        foreach (var operation in _live)
        {
            if (operation.Status != OperationStatus.Blocked)
            {
                continue;
            }

            if (operation.FiresEarly)
            {
                earliestTimer = Math.Min(earliestTimer, operation.Deadline);
            }
            else
            {
                earliestWait = Math.Min(earliestWait, operation.Deadline);
            }
        }

        return earliestTimer == long.MaxValue || earliestWait < earliestTimer ? long.MinValue : earliestTimer;
    }

    /// <summary>Moves virtual time to the earliest deadline of a blocked operation, if there is one.</summary>
    private bool AdvanceClock()
    {
        long earliest = long.MaxValue;
        foreach (var operation in _live)
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
