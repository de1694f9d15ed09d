using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Probabilistic switching (Coyote's "probabilistic" strategy): the running operation continues
/// while it can, and at each scheduling point switches to a uniformly chosen enabled operation with
/// probability 1/2^b. Few switches per iteration find bugs that need one preemption among many
/// steps, which a uniform walk dilutes. Iteration <c>i</c> of seed <c>s</c> is reproducible on its own.
/// </summary>
internal sealed class ProbabilisticStrategy : ISchedulingStrategy
{
    private readonly ulong _seed;
    private readonly int _bits;
    private readonly Xoshiro256StarStar _random;

    public ProbabilisticStrategy(ulong seed, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 30);
        _seed = seed;
        _bits = bits;
        _random = new Xoshiro256StarStar(seed);
    }

    public string Name => $"probabilistic({_bits})";

    public bool PrepareIteration(int iteration)
    {
        _random.Reseed(Xoshiro256StarStar.IterationSeed(_seed, iteration));
        return true;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        if (enabled.Length == 1)
        {
            return enabled[0];
        }

        // A yielding operation cannot progress until another does: it always gives way.
        bool yielding = kind is SchedulingPointKind.Yield or SchedulingPointKind.Delay;
        if (!yielding && enabled.Contains(current) && _random.NextInt(1 << _bits) != 0)
        {
            return current;
        }

        return enabled[_random.NextInt(enabled.Length)];
    }

    public bool NextBoolean(int current) => _random.NextBool();

    public int NextInteger(int current, int maxValue) => _random.NextInt(maxValue);
}
