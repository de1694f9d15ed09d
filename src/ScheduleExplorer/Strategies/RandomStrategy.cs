using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Uniform random choice at every scheduling point. Iteration <c>i</c> of seed <c>s</c> is
/// reproducible on its own: its generator is seeded from (s, i).
/// </summary>
internal sealed class RandomStrategy : ISchedulingStrategy
{
    private readonly ulong _seed;
    private readonly Xoshiro256StarStar _random;

    public RandomStrategy(ulong seed)
    {
        _seed = seed;
        _random = new Xoshiro256StarStar(seed);
    }

    public string Name => "random";

    public bool PrepareIteration(int iteration)
    {
        _random.Reseed(Xoshiro256StarStar.IterationSeed(_seed, iteration));
        return true;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending) =>
        enabled.Length == 1 ? enabled[0] : enabled[_random.NextInt(enabled.Length)];

    public bool NextBoolean(int current) => _random.NextBool();

    public int NextInteger(int current, int maxValue) => _random.NextInt(maxValue);
}
