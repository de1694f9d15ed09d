namespace ScheduleExplorer.Workloads.SctBench;

/// <summary>The shared pair of one <see cref="Reorder"/> run.</summary>
internal sealed class ReorderState
{
    private readonly object _gate = new();
    private int _a;
    private int _b;

    /// <summary>The setter of the bug: two plain writes.</summary>
    public void Set()
    {
        _a = 1;
        _b = -1;
    }

    /// <summary>The setter of the fix: both writes in one critical section.</summary>
    public void SetLocked()
    {
        lock (_gate)
        {
            Set();
        }
    }

    /// <summary>The checker of the bug: reads the pair with no lock.</summary>
    /// <exception cref="InvalidOperationException">It saw one write without the other.</exception>
    public void Check()
    {
        if (!((_a == 0 && _b == 0) || (_a == 1 && _b == -1)))
        {
            throw new InvalidOperationException("Reordered writes seen: a and b disagree.");
        }
    }

    /// <summary>The checker of the fix: reads the pair in one critical section.</summary>
    /// <exception cref="InvalidOperationException">It saw one write without the other (never: the lock orders them).</exception>
    public void CheckLocked()
    {
        lock (_gate)
        {
            Check();
        }
    }
}
