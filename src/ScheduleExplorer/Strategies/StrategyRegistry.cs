using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// The exploration strategies by name: the engine, the CLI (<c>-s</c>), NUnit
/// (<c>[ExploreSchedules]</c>, <c>SCHEDEX_STRATEGY</c>) and <c>coyote.json</c> all resolve names here,
/// so a new strategy is its class plus one line below.
/// </summary>
public static class StrategyRegistry
{
    private static readonly StrategyDescriptor[] s_strategies =
    [
        new("random", "uniform random choice at every scheduling point", null, 0, Shardable: true, p => new RandomStrategy(p.Seed)),
        new("pct", "probabilistic concurrency testing: random priorities, depth − 1 priority change points", "depth", 10, Shardable: true, p => new PctStrategy(p.Seed, p.Bound)),
        new("pos", "partial-order sampling: random priorities per pending point, redrawn for conflicting points", null, 0, Shardable: true, p => new PosStrategy(p.Seed)),
        new("rff", "reads-from guided: forces one conflicting pair of sites seen earlier into an order per iteration, random otherwise", null, 0, Shardable: true, p => new ReadsFromStrategy(p.Seed)),
        new("probabilistic", "keep running the current operation, switch with probability 1/2^b", "b", 2, Shardable: true, p => new ProbabilisticStrategy(p.Seed, p.Bound)),
        new("delay-bounding", "round-robin without preemption, plus up to N delays at random steps to random operations", "delays", 2, Shardable: true, p => new DelayBoundingStrategy(p.Seed, p.Bound)),
        new("portfolio", "rotates the iterations over rff (every other one), random, pos, pct(3), probabilistic(2), pct(10) and delay-bounding(2)", null, 0, Shardable: true, p => CreatePortfolio(p.Seed)),
        new("dfs", "depth-first search over every schedule with sleep-set reduction, until exhausted", null, 0, Shardable: false, _ => new DfsStrategy()),
    ];

    /// <summary>Every registered strategy, in the order help lists them.</summary>
    public static IReadOnlyList<StrategyDescriptor> All => s_strategies;

    /// <summary>The names, comma-separated, for messages ("random, pct, …").</summary>
    public static string Names => string.Join(", ", s_strategies.Select(s => s.Name));

    /// <summary>The strategy named <paramref name="name"/> (case-insensitive), or null when none is.</summary>
    public static StrategyDescriptor? Find(string? name) =>
        name is null ? null : Array.Find(s_strategies, s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The strategy named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No strategy has that name (the message lists the known ones).</exception>
    public static StrategyDescriptor Get(string name) =>
        Find(name) ?? throw new ArgumentException(UnknownMessage(name), nameof(name));

    /// <summary>"unknown strategy 'x': use random, pct, …" — one line.</summary>
    public static string UnknownMessage(string? name) => $"unknown strategy '{name}': use {Names}.";

    /// <summary>Builds the strategy <paramref name="name"/> for <paramref name="seed"/>, with <paramref name="bound"/> or its default.</summary>
    /// <exception cref="ArgumentException">No strategy has that name.</exception>
    public static ISchedulingStrategy Create(string name, ulong seed, int? bound = null)
    {
        var descriptor = Get(name);
        return descriptor.Create(new StrategyParameters(seed, bound ?? descriptor.DefaultBound));
    }

    /// <summary>
    /// The portfolio: rff explores every other iteration (it finds the most bugs soonest in the
    /// bug-finding statistics), the others share the rest. One rff instance serves all its slots, so
    /// it learns from all of its iterations.
    /// </summary>
    private static PortfolioStrategy CreatePortfolio(ulong seed)
    {
        var rff = new ReadsFromStrategy(seed);
        return new(seed,
        [
            rff, new RandomStrategy(seed),
            rff, new PosStrategy(seed),
            rff, new PctStrategy(seed, 3),
            rff, new ProbabilisticStrategy(seed, 2),
            rff, new PctStrategy(seed, 10),
            rff, new DelayBoundingStrategy(seed, 2),
        ]);
    }
}
