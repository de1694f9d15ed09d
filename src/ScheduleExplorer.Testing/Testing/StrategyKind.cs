namespace ScheduleExplorer.Testing;

/// <summary>
/// The names of the built-in exploration strategies, for <see cref="TestConfiguration.Strategy"/> and
/// <c>[ExploreSchedules(Strategy = …)]</c>. Any name in <see cref="Strategies.StrategyRegistry"/> works.
/// </summary>
public static class StrategyKind
{
    /// <summary>Uniform random choice at every scheduling point.</summary>
    public const string Random = "random";

    /// <summary>Probabilistic concurrency testing; the strategy bound is the bug depth (priority change points + 1).</summary>
    public const string Pct = "pct";

    /// <summary>Partial-order sampling: random priorities per pending point, redrawn for conflicting points.</summary>
    public const string Pos = "pos";

    /// <summary>Reads-from guided: forces one conflicting pair of sites seen in earlier iterations into an order per iteration.</summary>
    public const string ReadsFrom = "rff";

    /// <summary>Keep the running operation, switch with probability 1/2^b (b is the strategy bound).</summary>
    public const string Probabilistic = "probabilistic";

    /// <summary>Round-robin without preemption plus random delays (the strategy bound is the most delays).</summary>
    public const string DelayBounding = "delay-bounding";

    /// <summary>Rotates several strategies over the iterations, deterministically from the seed.</summary>
    public const string Portfolio = "portfolio";

    /// <summary>Depth-first search over every schedule, until exhausted or the iteration budget ends.</summary>
    public const string Dfs = "dfs";

    /// <summary>Depth-first search with source-set DPOR and sleep sets: fewer schedules than <see cref="Dfs"/>, the same outcomes.</summary>
    public const string Dpor = "dpor";
}
