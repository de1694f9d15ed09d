using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Depth-first search over every schedule with at most <c>bound</c> preemptions (CHESS's preemption
/// bounding), one schedule per iteration, until the tree is exhausted. At a point where the running
/// operation could go on, keeping it costs nothing and switching to any other enabled operation costs
/// one preemption (offered only while the bound allows); where it blocked or ended, every enabled
/// operation is a free choice. Data choices branch over every value. Without a reduction, so a
/// completed search is a proof: no schedule within the bound was left out. A run can also be cut once
/// it reaches a number of steps (<see cref="StepCap"/>), to look only for shorter schedules.
/// The minimizer uses it to find the fewest preemptions a bug needs.
/// </summary>
internal sealed class PreemptionBoundedStrategy : ISchedulingStrategy
{
    private readonly int _bound;
    private readonly List<Node> _path = [];
    private int _position;
    private int _used;
    private int _steps;

    /// <summary>Creates a search over the schedules with at most <paramref name="bound"/> preemptions.</summary>
    public PreemptionBoundedStrategy(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        _bound = bound;
    }

    public string Name => $"preemption-bounded({_bound})";

    /// <summary>
    /// When set, a run that reaches this many scheduling steps is cut (it ends as a divergence):
    /// nothing below it can be shorter than a schedule of that length already found.
    /// </summary>
    public int? StepCap { get; set; }

    /// <summary>Whether a replayed prefix offered other choices than before: the test is not deterministic under control, and the search proves nothing.</summary>
    public bool Nondeterministic { get; private set; }

    public bool PrepareIteration(int iteration)
    {
        if (iteration > 0 && (Nondeterministic || !Backtrack()))
        {
            return false;
        }

        _position = 0;
        _used = 0;
        _steps = 0;
        return true;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        if (++_steps >= StepCap)
        {
            throw new ScheduleDivergenceException(_steps, "the run is no shorter than a failing schedule already found.");
        }

        bool currentEnabled = enabled.Contains(current);
        if (enabled.Length == 1)
        {
            return enabled[0];
        }

        Node node;
        if (_position < _path.Count)
        {
            node = _path[_position];
            if (node.IsData || !enabled.SequenceEqual(node.Enabled))
            {
                throw Nondeterminism();
            }
        }
        else
        {
            node = new Node(enabled.ToArray(), Options(enabled, current, currentEnabled), IsData: false);
            _path.Add(node);
        }

        _position++;
        int chosen = node.Options[node.Index];
        if (currentEnabled && chosen != current)
        {
            _used++;
        }

        return chosen;
    }

    public bool NextBoolean(int current) => ChooseData(2) == 1;

    public int NextInteger(int current, int maxValue) => ChooseData(Math.Max(1, maxValue));

    /// <summary>The running operation first (free), then, while the bound allows, the others (a preemption each); all enabled when it cannot go on.</summary>
    private int[] Options(ReadOnlySpan<int> enabled, int current, bool currentEnabled)
    {
        if (!currentEnabled)
        {
            return enabled.ToArray();
        }

        if (_used >= _bound)
        {
            return [current];
        }

        var options = new int[enabled.Length];
        options[0] = current;
        int next = 1;
        foreach (int id in enabled)
        {
            if (id != current)
            {
                options[next++] = id;
            }
        }

        return options;
    }

    private int ChooseData(int count)
    {
        if (count <= 1)
        {
            return 0;
        }

        if (_position < _path.Count)
        {
            var node = _path[_position];
            if (!node.IsData || node.Options.Length != count)
            {
                throw Nondeterminism();
            }
        }
        else
        {
            _path.Add(new Node([], [.. Enumerable.Range(0, count)], IsData: true));
        }

        var chosen = _path[_position++];
        return chosen.Options[chosen.Index];
    }

    private ScheduleDivergenceException Nondeterminism()
    {
        Nondeterministic = true;
        return new ScheduleDivergenceException(_position + 1, "a replayed prefix offered other choices than before: the test is not deterministic under control.");
    }

    /// <summary>Moves to the next unexplored branch: the deepest node with an option left. False when none is.</summary>
    private bool Backtrack()
    {
        // Nodes past the point where the last run stopped were never reached by it; they belong to an
        // older branch and are dropped with it.
        _path.RemoveRange(_position, _path.Count - _position);
        while (_path.Count > 0)
        {
            var last = _path[^1];
            if (last.Index + 1 < last.Options.Length)
            {
                last.Index++;
                return true;
            }

            _path.RemoveAt(_path.Count - 1);
        }

        return false;
    }

    /// <summary>One choice point of the current path: what was offered and which option is taken.</summary>
    private sealed record Node(int[] Enabled, int[] Options, bool IsData)
    {
        public int Index { get; set; }
    }
}
