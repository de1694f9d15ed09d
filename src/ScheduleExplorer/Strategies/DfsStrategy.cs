using System.Runtime.InteropServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Depth-first search over every choice (scheduling and data), one schedule per iteration, until
/// the tree is exhausted, with sleep-set partial-order reduction (Godefroid): after exploring
/// operation t at a node, t is put to sleep in its siblings' subtrees for as long as only steps
/// independent of t's step run, because every such reordering reaches a state already explored.
/// The scheduler's step bound bounds the depth. A replayed prefix that offers other options than
/// it did before means the test is not deterministic under control, which is reported.
/// With <c>dpor</c> a node explores only the operations source-set DPOR asks for (Abdulla et al.,
/// POPL 2014): after each schedule, every race between two dependent steps adds one operation
/// that can start its reversal to the node before the first step (<see cref="SourceSetAnalysis"/>),
/// together with the same sleep sets; when no operation that could start the reversal is enabled at
/// that node, every operation enabled there is explored (what enabled it is not known to depend on
/// the first step).
/// </summary>
internal sealed class DfsStrategy : ISchedulingStrategy, IStepEffectsObserver
{
    private static readonly StepEffect[] s_everything = [new(StepEffect.Everything, IsWrite: true)];
    private readonly bool _reduce;
    private readonly bool _dpor;
    private readonly List<ExecutedStep> _executed = [];
    private readonly List<StepEffect> _stepEffects = [];
    private readonly List<int> _createdBy = [];
    private int _knownOperations;
    private int _lastNode = -1;
    private int _lastChosen = -1;
    private int _analyzable = -1;
    private int _branchDepth;
    private readonly List<Node> _path = [];
    private readonly List<StepEffect> _pending = [];
    private Node? _lastScheduling;
    private int _position;
    private bool _sleepBlocked;

    /// <summary>
    /// Creates the strategy; <paramref name="partialOrderReduction"/> false explores every
    /// interleaving, <paramref name="dpor"/> explores only what source-set DPOR needs (with sleep sets).
    /// </summary>
    public DfsStrategy(bool partialOrderReduction = true, bool dpor = false)
    {
        _reduce = partialOrderReduction || dpor;
        _dpor = dpor;
    }

    public string Name => _dpor ? "dpor" : "dfs";

    /// <summary>Iterations cut short because every enabled operation was asleep (already covered).</summary>
    public int Pruned { get; private set; }

    public bool PrepareIteration(int iteration)
    {
        CloseStep();
        if (iteration > 0 && _dpor)
        {
            AnalyzeRaces();
        }

        if (iteration > 0 && !Backtrack())
        {
            return false;
        }

        _branchDepth = iteration > 0 ? _path.Count - 1 : 0;
        _executed.Clear();
        _stepEffects.Clear();
        _createdBy.Clear();
        _knownOperations = 0;
        _lastNode = -1;
        _lastChosen = -1;
        _analyzable = -1;
        _position = 0;
        _sleepBlocked = false;
        _lastScheduling = null;
        _pending.Clear();
        return true;
    }

    public void OnStepEffects(ReadOnlySpan<StepEffect> effects)
    {
        _pending.AddRange(effects);
        if (_dpor)
        {
            _stepEffects.AddRange(effects);
        }
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        if (_dpor)
        {
            CloseExecutedStep(current);
            for (; _knownOperations < pending.OperationCount; _knownOperations++)
            {
                // Created by the step that just ended: its first step happens after that one.
                _createdBy.Add(_executed.Count - 1);
            }
        }

        if (enabled.Length == 1 || _sleepBlocked)
        {
            // No choice here. The step that follows stays attributed to the last node with a choice,
            // which makes its races reversed there: with "no node" instead, the timer races of
            // TimeoutRace.LateResultLost and Heartbeat.StopRacy are missed (a dependency on time is
            // still not modelled exactly), so this conservative attribution stays.
            _lastChosen = enabled[0];
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
                _analyzable = _executed.Count;
                Pruned++;
                _lastChosen = enabled[0];
                return enabled[0];
            }

            node = new Node(enabled.ToArray(), 0, sleep) { Chosen = chosen };
            _path.Add(node);
        }

        _lastNode = _position;
        _lastChosen = node.Chosen;
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
                int next = _dpor ? FirstAwake(CollectionsMarshal.AsSpan(last.Backtrack), last.Sleep, last.Done) : FirstAwake(last.Enabled, last.Sleep, last.Done);
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

    /// <summary>The step that ran since the last decision was <paramref name="operation"/>'s, attributed to the last node with a choice (if any).</summary>
    private void CloseExecutedStep(int operation)
    {
        _executed.Add(new ExecutedStep(operation, [.. _stepEffects], _lastNode));
        _stepEffects.Clear();
    }

    /// <summary>Adds, for every race of the schedule just run, an operation that starts its reversal to the node before it.</summary>
    private void AnalyzeRaces()
    {
        if (_lastChosen >= 0 && _analyzable < 0)
        {
            CloseExecutedStep(_lastChosen);
        }

        var steps = _analyzable >= 0 ? _executed.GetRange(0, _analyzable) : _executed;
        int firstNew = steps.FindIndex(s => s.Node >= _branchDepth);
        SourceSetAnalysis.Analyze(steps, _createdBy, firstNew < 0 ? steps.Count : firstNew, (i, initials) =>
        {
            if (steps[i].Node < 0)
            {
                return;
            }

            var node = _path[steps[i].Node];
            int pick = -1;
            foreach (int r in initials)
            {
                if (Array.IndexOf(node.Enabled, r) < 0)
                {
                    continue;
                }

                if (r == node.Chosen || node.Backtrack.Contains(r) || node.Done.Exists(d => d.Operation == r) || node.Sleep.Exists(t => t.Operation == r))
                {
                    // Already explored, to explore, or covered by an explored sibling (asleep).
                    return;
                }

                if (pick < 0)
                {
                    pick = r;
                }
            }

            if (pick >= 0)
            {
                node.Backtrack.Add(pick);
                return;
            }

            // No operation that could start the reversal was enabled at the node: what enabled it is
            // not known to depend on the first step (time passing, work outside the model), so every
            // operation enabled there is explored.
            foreach (int r in node.Enabled)
            {
                if (r != node.Chosen && !node.Backtrack.Contains(r))
                {
                    node.Backtrack.Add(r);
                }
            }
        });
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

        /// <summary>With DPOR: the operations races asked this node to explore, beyond its first choice.</summary>
        public List<int> Backtrack { get; } = [];
    }
}
