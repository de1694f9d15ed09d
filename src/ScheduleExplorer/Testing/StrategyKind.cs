namespace ScheduleExplorer.Testing;

/// <summary>The exploration strategies a run can use.</summary>
public enum StrategyKind
{
    /// <summary>Uniform random choice at every scheduling point.</summary>
    Random,

    /// <summary>Probabilistic concurrency testing; the strategy bound is the bug depth (priority change points + 1).</summary>
    Pct,

    /// <summary>Depth-first search over every schedule, until exhausted or the iteration budget ends.</summary>
    Dfs,
}
