using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Randomized delay bounding (Emmi, Qadeer and Rakamarić, POPL 2011): a deterministic round-robin
/// scheduler that lets each operation run until it blocks or ends, then passes to the next
/// operation by id, plus <c>delays</c> random steps at which the operation it would run is skipped
/// for a random other one. Bugs that need few deviations from the sequential order are found with few
/// iterations, whatever the number of threads. Iteration <c>i</c> of seed <c>s</c> is reproducible
/// given the step estimate (learnt from earlier iterations, like PCT's).
/// </summary>
internal sealed class DelayBoundingStrategy : ISchedulingStrategy
{
    private readonly ulong _seed;
    private readonly int _delays;
    private readonly Xoshiro256StarStar _random;
    private readonly HashSet<int> _delaySteps = [];
    private int _estimatedSteps = 100;
    private int _step;

    public DelayBoundingStrategy(ulong seed, int delays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delays, 1);
        _seed = seed;
        _delays = delays;
        _random = new Xoshiro256StarStar(seed);
    }

    public string Name => $"delay-bounding({_delays})";

    public bool PrepareIteration(int iteration)
    {
        _random.Reseed(Xoshiro256StarStar.IterationSeed(_seed, iteration));
        _estimatedSteps = Math.Max(_estimatedSteps, _step);
        _step = 0;
        _delaySteps.Clear();
        int count = 1 + _random.NextInt(_delays);
        while (_delaySteps.Count < Math.Min(count, _estimatedSteps))
        {
            _delaySteps.Add(1 + _random.NextInt(_estimatedSteps));
        }

        return true;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        if (enabled.Length == 1)
        {
            return enabled[0];
        }

        _step++;
        bool yielding = kind is SchedulingPointKind.Yield or SchedulingPointKind.Delay;
        int index = yielding ? After(enabled, current) : AtOrAfter(enabled, current);
        if (_delaySteps.Contains(_step))
        {
            // A delay skips the operation round-robin would run, passing to a random other one.
            index = (index + 1 + _random.NextInt(enabled.Length - 1)) % enabled.Length;
        }

        return enabled[index];
    }

    public bool NextBoolean(int current) => _random.NextBool();

    public int NextInteger(int current, int maxValue) => _random.NextInt(maxValue);

    /// <summary>The index of the first enabled id at or after <paramref name="id"/>, cyclically.</summary>
    private static int AtOrAfter(ReadOnlySpan<int> enabled, int id)
    {
        for (int i = 0; i < enabled.Length; i++)
        {
            if (enabled[i] >= id)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The index of the first enabled id after <paramref name="id"/>, cyclically.</summary>
    private static int After(ReadOnlySpan<int> enabled, int id)
    {
        for (int i = 0; i < enabled.Length; i++)
        {
            if (enabled[i] > id)
            {
                return i;
            }
        }

        return 0;
    }
}
