using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Depth-first search over every choice (scheduling and data), one schedule per iteration, until
/// the tree is exhausted. Exhaustive for small tests; the scheduler's step bound bounds the depth.
/// A choice point whose number of options differs on a replayed prefix means the test is not
/// deterministic under control, which is reported rather than silently mis-explored.
/// </summary>
internal sealed class DfsStrategy : ISchedulingStrategy
{
    private readonly List<(int Chosen, int Count)> _path = [];
    private int _position;

    public string Name => "dfs";

    /// <summary>Schedules started so far.</summary>
    public int SchedulesExplored { get; private set; }

    public bool PrepareIteration(int iteration)
    {
        _position = 0;
        if (iteration > 0)
        {
            while (_path.Count > 0 && _path[^1].Chosen == _path[^1].Count - 1)
            {
                _path.RemoveAt(_path.Count - 1);
            }

            if (_path.Count == 0)
            {
                return false;
            }

            var last = _path[^1];
            _path[^1] = (last.Chosen + 1, last.Count);
        }

        SchedulesExplored++;
        return true;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site) =>
        enabled.Length == 1 ? enabled[0] : enabled[Choose(enabled.Length)];

    public bool NextBoolean(int current) => Choose(2) == 1;

    public int NextInteger(int current, int maxValue) => Choose(maxValue);

    private int Choose(int count)
    {
        if (count <= 1)
        {
            return 0;
        }

        if (_position < _path.Count)
        {
            var (chosen, expected) = _path[_position];
            if (expected != count)
            {
                throw new ScheduleDivergenceException(
                    _position + 1,
                    $"depth-first search replayed a prefix and found {count} options where it saw {expected}: the test is not deterministic under control (uncontrolled input such as time or real randomness).");
            }

            _position++;
            return chosen;
        }

        _path.Add((0, count));
        _position++;
        return 0;
    }
}
