using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Random schedules with at most <c>bound</c> preemptions, for finding one quickly where the
/// exhaustive <see cref="PreemptionBoundedStrategy"/> would reach it only after a whole subtree: each
/// iteration picks its preemption points uniformly among the first <c>length</c> scheduling steps
/// (PCT's change points), switches to a random other enabled operation there, makes every free choice
/// (the running operation blocked or ended) and every data choice at random, and never preempts
/// elsewhere. Deterministic from the seed and the iteration.
/// </summary>
internal sealed class PreemptionSamplingStrategy : ISchedulingStrategy
{
    private readonly int _bound;
    private readonly int _length;
    private readonly ulong _seed;
    private readonly Xoshiro256StarStar _random = new(0);
    private readonly HashSet<int> _switchAt = [];
    private int _step;

    /// <summary>Creates the sampler: at most <paramref name="bound"/> preemptions among the first <paramref name="length"/> steps.</summary>
    public PreemptionSamplingStrategy(int bound, int length, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _bound = bound;
        _length = length;
        _seed = seed;
    }

    public string Name => $"preemption-sampling({_bound})";

    public bool PrepareIteration(int iteration)
    {
        _random.Reseed(Xoshiro256StarStar.IterationSeed(_seed, iteration));
        _switchAt.Clear();
        for (int i = 0; i < Math.Min(_bound, _length); i++)
        {
            // Distinct points; a draw that repeats one is drawn again.
            while (!_switchAt.Add(_random.NextInt(_length)))
            {
            }
        }

        _step = 0;
        return true;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        int step = _step++;
        if (!enabled.Contains(current))
        {
            return enabled[_random.NextInt(enabled.Length)];
        }

        if (enabled.Length == 1 || !_switchAt.Contains(step))
        {
            return current;
        }

        // One of the others, uniformly: skip over the running operation's own slot.
        int other = _random.NextInt(enabled.Length - 1);
        return enabled[other >= enabled.IndexOf(current) ? other + 1 : other];
    }

    public bool NextBoolean(int current) => _random.NextBool();

    public int NextInteger(int current, int maxValue) => maxValue <= 1 ? 0 : _random.NextInt(maxValue);
}
