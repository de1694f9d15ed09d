namespace ScheduleExplorer.Coyote;

/// <summary>Coyote's exploration strategies, as its <c>coyote test --strategy</c> names them.</summary>
public enum CoyoteStrategy
{
    /// <summary>Uniformly random choice at every scheduling point (<c>random</c>).</summary>
    Random,

    /// <summary>Priority-based, PCT-like (<c>prioritization</c>); the bound is the number of priority changes.</summary>
    Prioritization,

    /// <summary>Random with a probability of deviating from the scheduled operation (<c>probabilistic</c>); the bound is the probability level.</summary>
    Probabilistic,

    /// <summary>Depth-first search of the schedule tree (<c>dfs</c>, not exposed by Coyote's public configuration API).</summary>
    Dfs,

    /// <summary>Coyote's default: a tuned portfolio of fair strategies, one per iteration.</summary>
    Portfolio,
}
