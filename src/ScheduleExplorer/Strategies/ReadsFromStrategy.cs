using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Conflict-order guided random walk, in the spirit of RFF (reads-from fuzzing, ASPLOS 2024): it
/// learns from the iterations run which source sites conflict (a read and a write of one location,
/// two acquires of one lock, …) and each iteration forces one such pair into an order — the
/// operations about to run the second site are held back until some operation has run the first —
/// choosing uniformly at random otherwise. A read is thus made to read from an older write, or a
/// lock to be taken by the other thread first, which is what bugs needing one precise preemption
/// among many threads depend on. One iteration in four forces nothing, unless it is built to force in
/// every iteration (the portfolio's rff, whose unforced walks are the portfolio's random ones, which
/// it learns from through <see cref="Observe"/>). When only held-back operations can run, or the
/// order has held an operation back at <see cref="MaxHeldDecisions"/> decisions (the others may be
/// spinning until it runs, as a try-lock backoff does), the order is given up for the rest of the iteration. What is learnt comes from earlier iterations, so a
/// shard does not repeat the schedules of the whole run (a replay does: it follows the trace).
/// </summary>
internal sealed class ReadsFromStrategy : ISchedulingStrategy
{
    /// <summary>Decisions at which an order may hold an operation back before it is given up.</summary>
    public const int MaxHeldDecisions = 1_000;

    private readonly ulong _seed;
    private readonly bool _alwaysForce;
    private readonly Xoshiro256StarStar _random;
    private readonly ConflictSites _conflicts = new();
    private readonly List<int> _free = [];
    private ConflictOrder? _order;
    private int _heldDecisions;

    public ReadsFromStrategy(ulong seed, bool alwaysForce = false)
    {
        _seed = seed;
        _alwaysForce = alwaysForce;
        _random = new Xoshiro256StarStar(seed);
    }

    public string Name => "rff";

    /// <summary>The order forced in the current iteration, if any.</summary>
    public ConflictOrder? Order => _order;

    public bool PrepareIteration(int iteration)
    {
        _random.Reseed(Xoshiro256StarStar.IterationSeed(_seed, iteration));
        _conflicts.StartIteration();
        _heldDecisions = 0;
        var orders = _conflicts.Orders;
        _order = orders.Count == 0 || (!_alwaysForce && _random.NextInt(4) == 0) ? null : orders[_random.NextInt(orders.Count)];
        return true;
    }

    /// <summary>Starts learning from an iteration another strategy explores (the learnt orders stay).</summary>
    public void ObserveIteration()
    {
        _conflicts.StartIteration();
        _order = null;
    }

    /// <summary>Learns from <paramref name="chosen"/> running its pending point in an iteration another strategy explores.</summary>
    public void Observe(int chosen, PendingPoints pending)
    {
        if (pending.IsAvailable)
        {
            _conflicts.Ran(chosen, pending[chosen]);
        }
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        int chosen = enabled.Length == 1 ? enabled[0] : Choose(enabled, pending);
        if (pending.IsAvailable)
        {
            var point = pending[chosen];
            _conflicts.Ran(chosen, point);
            if (_order is { } order && order.First.Matches(point))
            {
                _order = null;
            }
        }

        return chosen;
    }

    public bool NextBoolean(int current) => _random.NextBool();

    public int NextInteger(int current, int maxValue) => _random.NextInt(maxValue);

    private int Choose(ReadOnlySpan<int> enabled, PendingPoints pending)
    {
        if (_order is not { } order || !pending.IsAvailable)
        {
            return enabled[_random.NextInt(enabled.Length)];
        }

        _free.Clear();
        foreach (int id in enabled)
        {
            if (!order.Second.Matches(pending[id]))
            {
                _free.Add(id);
            }
        }

        if (_free.Count == 0 || (_free.Count < enabled.Length && ++_heldDecisions > MaxHeldDecisions))
        {
            // Only held-back operations can run, or the others have run long without the first
            // site: the order cannot be had in this schedule.
            _order = null;
            return enabled[_random.NextInt(enabled.Length)];
        }

        return _free[_random.NextInt(_free.Count)];
    }
}
