using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// The exploration strategies by name: the engine, the CLI (<c>-s</c>), NUnit
/// (<c>[ExploreSchedules]</c>, <c>SCHEDEX_STRATEGY</c>) and the library (<c>TestConfiguration.Strategy</c>) all resolve names here,
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
        new("portfolio", "the default: random every fourth iteration, rff forcing a conflict order learnt from all earlier iterations in the other three", null, 0, Shardable: true, p => CreatePortfolio(p.Seed)),
        new("dfs", "depth-first search over every schedule with sleep-set reduction, until exhausted", null, 0, Shardable: false, _ => new DfsStrategy()),
        new("dpor", "depth-first search with source-set DPOR and sleep sets: one schedule per race reversal, until exhausted", null, 0, Shardable: false, _ => new DfsStrategy(dpor: true)),
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
    /// The portfolio: iterations 0, 4, 8, … are uniform random walks, the others rff forcing one
    /// conflict order in every iteration (the random walks are its unforced ones). One rff instance
    /// serves its three slots and learns from the random walks as well, so a conflict the random
    /// walks happen on is forced in the next rff iteration. In the bug-finding statistics this finds
    /// the bugs that need one precise order among many threads (twostage, reorder) in a few
    /// iterations, and the others about as soon as random does.
    /// </summary>
    private static PortfolioStrategy CreatePortfolio(ulong seed)
    {
        var rff = new ReadsFromStrategy(seed, alwaysForce: true);
        return new([new RandomStrategy(seed), rff, rff, rff], rff);
    }
}
