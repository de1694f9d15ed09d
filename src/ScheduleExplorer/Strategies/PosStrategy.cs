using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Partial-order sampling (Yuan, Yang and Gu, CAV 2018; Fray's default): every pending point gets a
/// random priority, the enabled operation whose point has the highest one runs, and then the points
/// that conflict with the one that ran (an access of the same location, a point on the same
/// resource) draw new priorities, as does the next point of the operation that ran. Reordering
/// only conflicting points makes every partial order roughly as likely as any other, instead of
/// favouring the orders with many interleavings of independent steps, as a uniform walk does.
/// Iteration <c>i</c> of seed <c>s</c> is reproducible on its own.
/// </summary>
internal sealed class PosStrategy : ISchedulingStrategy
{
    private readonly ulong _seed;
    private readonly Xoshiro256StarStar _random;
    private readonly List<ulong> _priorities = [];

    public PosStrategy(ulong seed)
    {
        _seed = seed;
        _random = new Xoshiro256StarStar(seed);
    }

    public string Name => "pos";

    public bool PrepareIteration(int iteration)
    {
        _random.Reseed(Xoshiro256StarStar.IterationSeed(_seed, iteration));
        _priorities.Clear();
        return true;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        int chosen = enabled[0];
        ulong best = 0;
        foreach (int id in enabled)
        {
            ulong priority = PriorityOf(id, id == current ? kind : null);
            if (priority > best)
            {
                best = priority;
                chosen = id;
            }
        }

        if (pending.IsAvailable && enabled.Length > 1)
        {
            var ran = pending[chosen];
            foreach (int id in enabled)
            {
                if (id != chosen && pending[id].ConflictsWith(ran))
                {
                    _priorities[id] = 0;
                }
            }
        }

        // The point that runs is consumed: the operation's next one draws a fresh priority.
        _priorities[chosen] = 0;
        return chosen;
    }

    public bool NextBoolean(int current) => _random.NextBool();

    public int NextInteger(int current, int maxValue) => _random.NextInt(maxValue);

    /// <summary>The priority of an operation's pending point, drawn when first asked (0 means none yet).</summary>
    private ulong PriorityOf(int id, SchedulingPointKind? kind)
    {
        while (_priorities.Count <= id)
        {
            _priorities.Add(0);
        }

        if (_priorities[id] == 0)
        {
            // Draws are in [1, 2^63]; a yield or delay (a spin or backoff loop) draws in the lower
            // half, so a spinning operation gives way to the others instead of starving them.
            ulong draw = (_random.NextUInt64() >> 1) | 1;
            _priorities[id] = kind is SchedulingPointKind.Yield or SchedulingPointKind.Delay ? draw >> 1 | 1 : draw | (1UL << 62);
        }

        return _priorities[id];
    }
}
