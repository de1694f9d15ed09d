namespace ScheduleExplorer.Runtime;

/// <summary>
/// Strong fairness for operations that yield (<c>Thread.Yield</c>, <c>Thread.Sleep(0)</c>,
/// <c>await Task.Yield()</c>), after the
/// fair scheduler of CHESS (Musuvathi and Qadeer, "Fair stateless model checking", PLDI 2008). A yield
/// says "I cannot progress until others do": an operation that yields again while some operation
/// that was enabled at its previous yield (or that it disabled since) has not run waits until that
/// one runs. Spin loops then take a handful of steps instead of thousands, so depth-first search
/// reaches the schedules that matter, and the yielding operations never starve the others.
/// The waits form no cycle (an edge's waiter ran when it was added, after every edge that waits on
/// it), so an operation can always run; decisions stay a pure function of the schedule, so a replay
/// sees the same filtered choices. Free when nothing yields.
/// </summary>
internal sealed class YieldFairness
{
    private readonly List<Wait> _waits = [];
    private readonly List<int> _filtered = [];
    private readonly List<int> _previousEnabled = [];
    private int[] _lastRun = [];
    private int[] _lastYield = [];
    private List<int>?[] _window = [];
    private int _decision;
    private int _previousChosen = -1;
    private bool _anyYield;

    /// <summary>Whether yielding operations are held back this way (<see cref="SchedulerOptions.FairYields"/>).</summary>
    public bool Enabled { get; init; }

    /// <summary>Decisions of this scheduler's whole run at which a yielding operation was held back.</summary>
    public int HeldBack { get; private set; }

    /// <summary>Forgets the iteration (<see cref="HeldBack"/> counts on).</summary>
    public void Clear()
    {
        _waits.Clear();
        _previousEnabled.Clear();
        Array.Fill(_lastRun, -1);
        Array.Fill(_lastYield, -1);
        Array.Clear(_window);
        _decision = 0;
        _previousChosen = -1;
        _anyYield = false;
    }

    /// <summary>
    /// The operations the strategy may choose from at this decision: <paramref name="enabled"/> without
    /// those waiting for an enabled operation to run. <paramref name="kind"/> is what
    /// <paramref name="current"/> is doing; a <see cref="SchedulingPointKind.Yield"/>, or an
    /// <see cref="SchedulingPointKind.Await"/> that leaves it enabled, adds its waits first.
    /// </summary>
    public ReadOnlySpan<int> Filter(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind)
    {
        _decision++;
        bool yields = kind is SchedulingPointKind.Yield or SchedulingPointKind.Await;
        if (!Enabled || (!_anyYield && !yields))
        {
            return enabled;
        }

        NoteDisabled(enabled);
        if (yields && enabled.Contains(current))
        {
            // A yield that could go on: Thread.Yield, or an await whose continuation may run at once
            // (await Task.Yield()). A spin-wait or an await of an incomplete task blocks instead.
            NoteYield(enabled, current);
        }

        _previousEnabled.Clear();
        foreach (int id in enabled)
        {
            _previousEnabled.Add(id);
        }

        if (_waits.Count == 0)
        {
            return enabled;
        }

        DropLapsedWaits();
        _filtered.Clear();
        foreach (int id in enabled)
        {
            if (!Waits(id, enabled))
            {
                _filtered.Add(id);
            }
        }

        if (_filtered.Count == enabled.Length || _filtered.Count == 0)
        {
            return enabled;
        }

        HeldBack++;
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_filtered);
    }

    /// <summary>The strategy chose <paramref name="chosen"/> at the decision just filtered.</summary>
    public void Chosen(int chosen)
    {
        if (!Enabled)
        {
            return;
        }

        Grow(chosen);
        _lastRun[chosen] = _decision;
        _previousChosen = chosen;
    }

    /// <summary>A wait lapses once its operation has run after the wait was added (in place: this runs at every decision).</summary>
    private void DropLapsedWaits()
    {
        int kept = 0;
        for (int i = 0; i < _waits.Count; i++)
        {
            var wait = _waits[i];
            if (LastRun(wait.For) < wait.Since)
            {
                _waits[kept++] = wait;
            }
        }

        _waits.RemoveRange(kept, _waits.Count - kept);
    }

    private bool Waits(int id, ReadOnlySpan<int> enabled)
    {
        foreach (var wait in _waits)
        {
            if (wait.Waiter == id && enabled.Contains(wait.For))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the step since the last decision disabled counts as held off by its operation, if that one yields.</summary>
    private void NoteDisabled(ReadOnlySpan<int> enabled)
    {
        if (_previousChosen < 0 || _previousChosen >= _window.Length || _window[_previousChosen] is not { } window)
        {
            return;
        }

        foreach (int id in _previousEnabled)
        {
            if (!enabled.Contains(id) && !window.Contains(id))
            {
                window.Add(id);
            }
        }
    }

    private void NoteYield(ReadOnlySpan<int> enabled, int current)
    {
        Grow(current);
        _anyYield = true;
        if (_window[current] is { } window)
        {
            // A second yield: whatever could have run since the first and did not, runs first now.
            int previous = _lastYield[current];
            foreach (int id in window)
            {
                if (id != current && LastRun(id) < previous)
                {
                    _waits.Add(new Wait(current, id, _decision));
                }
            }

            window.Clear();
        }
        else
        {
            window = _window[current] = [];
        }

        foreach (int id in enabled)
        {
            if (id != current)
            {
                window.Add(id);
            }
        }

        _lastYield[current] = _decision;
    }

    private int LastRun(int id) => id < _lastRun.Length ? _lastRun[id] : -1;

    private void Grow(int id)
    {
        if (id < _lastRun.Length)
        {
            return;
        }

        int size = Math.Max(id + 1, _lastRun.Length * 2);
        int old = _lastRun.Length;
        Array.Resize(ref _lastRun, size);
        Array.Resize(ref _lastYield, size);
        Array.Resize(ref _window, size);
        Array.Fill(_lastRun, -1, old, size - old);
        Array.Fill(_lastYield, -1, old, size - old);
    }

    /// <summary><paramref name="Waiter"/> may not run while <paramref name="For"/> is enabled and has not run since decision <paramref name="Since"/>.</summary>
    private readonly record struct Wait(int Waiter, int For, int Since);
}
