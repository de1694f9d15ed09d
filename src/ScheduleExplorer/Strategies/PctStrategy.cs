using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): every operation gets a random
/// distinct priority when it appears, the highest-priority enabled operation always runs, and at
/// <c>depth − 1</c> random steps the running operation drops to the lowest priority. A bug of depth
/// <c>d</c> is found with probability at least 1/(n·k^(d−1)) per iteration.
/// </summary>
internal sealed class PctStrategy : ISchedulingStrategy
{
    private readonly ulong _seed;
    private readonly int _depth;
    private readonly Xoshiro256StarStar _random;
    private readonly List<int> _priorities = [];
    private readonly HashSet<int> _changePoints = [];
    private int _estimatedSteps = 100;
    private int _step;

    public PctStrategy(ulong seed, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        _seed = seed;
        _depth = depth;
        _random = new Xoshiro256StarStar(seed);
    }

    public string Name => $"pct({_depth})";

    public bool PrepareIteration(int iteration)
    {
        _random.Reseed(Xoshiro256StarStar.IterationSeed(_seed, iteration));
        _estimatedSteps = Math.Max(_estimatedSteps, _step);
        _step = 0;
        _priorities.Clear();
        _changePoints.Clear();
        while (_changePoints.Count < Math.Min(_depth - 1, _estimatedSteps))
        {
            _changePoints.Add(1 + _random.NextInt(_estimatedSteps));
        }

        return true;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        if (enabled.Length == 1 && enabled[0] == current)
        {
            // No choice to make: such steps neither count towards change points nor dilute them.
            return current;
        }

        _step++;
        foreach (int id in enabled)
        {
            if (!_priorities.Contains(id))
            {
                // A new operation takes a random place among the existing priorities.
                _priorities.Insert(_random.NextInt(_priorities.Count + 1), id);
            }
        }

        // A yielding operation says it cannot progress until others do (a spin or backoff loop):
        // it drops to the lowest priority, or strict priorities would starve the others forever.
        bool yielding = kind is SchedulingPointKind.Yield or SchedulingPointKind.Delay;
        if ((yielding || _changePoints.Contains(_step)) && _priorities.Remove(current))
        {
            _priorities.Add(current);
        }

        foreach (int id in _priorities)
        {
            if (enabled.Contains(id))
            {
                return id;
            }
        }

        return enabled[0];
    }

    public bool NextBoolean(int current) => _random.NextBool();

    public int NextInteger(int current, int maxValue) => _random.NextInt(maxValue);
}
