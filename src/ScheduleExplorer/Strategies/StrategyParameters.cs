namespace ScheduleExplorer.Strategies;

/// <summary>What a strategy is built from: the run's seed and its bound (the strategy's own default when none is given).</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Bound">The bound: PCT's depth, probabilistic's b, delay bounding's delays; ignored by others.</param>
public readonly record struct StrategyParameters(ulong Seed, int Bound);
