using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Depth-first search over every choice (scheduling and data), one schedule per iteration, until
/// the tree is exhausted, with sleep-set partial-order reduction (Godefroid): after exploring
/// operation t at a node, t is put to sleep in its siblings' subtrees for as long as only steps
/// independent of t's step run, because every such reordering reaches a state already explored.
/// The scheduler's step bound bounds the depth. A replayed prefix that offers other options than
/// it did before means the test is not deterministic under control, which is reported.
/// </summary>
internal sealed class DfsStrategy : ISchedulingStrategy, IStepEffectsObserver
{
    private static readonly StepEffect[] s_everything = [new(StepEffect.Everything, IsWrite: true)];
    private readonly bool _reduce;
    private readonly List<Node> _path = [];
    private readonly List<StepEffect> _pending = [];
    private Node? _lastScheduling;
    private int _position;
    private bool _sleepBlocked;

    /// <summary>Creates the strategy; <paramref name="partialOrderReduction"/> false explores every interleaving.</summary>
    public DfsStrategy(bool partialOrderReduction = true) => _reduce = partialOrderReduction;

    public string Name => "dfs";

    /// <summary>Iterations cut short because every enabled operation was asleep (already covered).</summary>
    public int Pruned { get; private set; }

    public bool PrepareIteration(int iteration)
    {
        CloseStep();
        if (iteration > 0 && !Backtrack())
        {
            return false;
        }

        _position = 0;
        _sleepBlocked = false;
        _lastScheduling = null;
        _pending.Clear();
        return true;
    }

    public void OnStepEffects(ReadOnlySpan<StepEffect> effects) => _pending.AddRange(effects);

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        if (enabled.Length == 1 || _sleepBlocked)
        {
            return enabled[0];
        }

        CloseStep();
        Node node;
        if (_position < _path.Count)
        {
            node = _path[_position];
            if (node.IsData || !enabled.SequenceEqual(node.Enabled))
            {
                throw Nondeterminism(node.IsData ? "a data choice" : $"operations {string.Join(", ", node.Enabled)}", $"operations {string.Join(", ", enabled.ToArray())}");
            }
        }
        else
        {
            var sleep = ChildSleep();
            int chosen = FirstAwake(enabled, sleep, done: null);
            if (chosen < 0)
            {
                // Every enabled operation is asleep: this schedule only reorders independent steps
                // of schedules already explored. Finish the iteration without branching.
                _sleepBlocked = true;
                Pruned++;
                return enabled[0];
            }

            node = new Node(enabled.ToArray(), 0, sleep) { Chosen = chosen };
            _path.Add(node);
        }

        _position++;
        _lastScheduling = node;
        return node.Chosen;
    }

    public bool NextBoolean(int current) => ChooseData(2) == 1;

    public int NextInteger(int current, int maxValue) => ChooseData(maxValue);

    private int ChooseData(int count)
    {
        if (count <= 1 || _sleepBlocked)
        {
            return 0;
        }

        if (_position < _path.Count)
        {
            var node = _path[_position];
            if (!node.IsData || node.Count != count)
            {
                throw Nondeterminism(node.IsData ? $"{node.Count} values" : "a scheduling choice", $"{count} values");
            }
        }
        else
        {
            _path.Add(new Node([], count, []));
        }

        return _path[_position++].Chosen;
    }

    /// <summary>Attributes the effects seen since the last scheduling node to that node's choice.</summary>
    private void CloseStep()
    {
        if (_lastScheduling is { } node)
        {
            node.ChosenEffects = [.. _pending];
        }

        _pending.Clear();
    }

    /// <summary>The sleep set below the last scheduling node: what stays independent of its choice.</summary>
    private List<(int Operation, StepEffect[] Effects)> ChildSleep()
    {
        if (_lastScheduling is not { } parent || !_reduce)
        {
            return [];
        }

        var chosenEffects = parent.ChosenEffects ?? s_everything;
        return [.. parent.Sleep.Concat(parent.Done).Where(t => t.Operation != parent.Chosen && !StepEffect.Dependent(t.Effects, chosenEffects))];
    }

    private bool Backtrack()
    {
        while (_path.Count > 0)
        {
            var last = _path[^1];
            if (last.IsData)
            {
                if (last.Chosen + 1 < last.Count)
                {
                    last.Chosen++;
                    return true;
                }
            }
            else
            {
                last.Done.Add((last.Chosen, last.ChosenEffects ?? s_everything));
                int next = FirstAwake(last.Enabled, last.Sleep, last.Done);
                if (next >= 0)
                {
                    last.Chosen = next;
                    last.ChosenEffects = null;
                    return true;
                }
            }

            _path.RemoveAt(_path.Count - 1);
        }

        return false;
    }

    private static int FirstAwake(ReadOnlySpan<int> enabled, List<(int Operation, StepEffect[] Effects)> sleep, List<(int Operation, StepEffect[] Effects)>? done)
    {
        foreach (int id in enabled)
        {
            if (!sleep.Exists(t => t.Operation == id) && (done is null || !done.Exists(t => t.Operation == id)))
            {
                return id;
            }
        }

        return -1;
    }

    private ScheduleDivergenceException Nondeterminism(string expected, string actual) => new(
        _position + 1,
        $"depth-first search replayed a prefix and found {actual} where it saw {expected}: the test is not deterministic under control (uncontrolled input such as time or real randomness).");

    /// <summary>One choice point on the current path.</summary>
    private sealed class Node(int[] enabled, int count, List<(int Operation, StepEffect[] Effects)> sleep)
    {
        public int[] Enabled { get; } = enabled;

        /// <summary>For a data choice, the number of values; 0 for a scheduling choice.</summary>
        public int Count { get; } = count;

        public bool IsData => Count > 0;

        /// <summary>The chosen operation id (scheduling) or value (data).</summary>
        public int Chosen { get; set; }

        public StepEffect[]? ChosenEffects { get; set; }

        public List<(int Operation, StepEffect[] Effects)> Sleep { get; } = sleep;

        public List<(int Operation, StepEffect[] Effects)> Done { get; } = [];
    }
}
