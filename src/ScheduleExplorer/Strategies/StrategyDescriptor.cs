using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>One registered exploration strategy: its name, what it does, its bound and how to build it.</summary>
/// <param name="Name">The name the CLI, NUnit and the library use ("pos").</param>
/// <param name="Description">One line on what it does.</param>
/// <param name="Bound">What <see cref="StrategyParameters.Bound"/> means for it, or null when it takes none.</param>
/// <param name="DefaultBound">The bound used when none is given.</param>
/// <param name="Shardable">Whether iteration <c>i</c> can be explored without the ones before it (false for DFS).</param>
/// <param name="Create">Builds the strategy.</param>
public sealed record StrategyDescriptor(
    string Name,
    string Description,
    string? Bound,
    int DefaultBound,
    bool Shardable,
    Func<StrategyParameters, ISchedulingStrategy> Create)
{
    /// <summary>"name — description (bound: …, default N)".</summary>
    public override string ToString() =>
        Bound is null ? $"{Name} — {Description}" : $"{Name} — {Description} (bound: {Bound}, default {DefaultBound})";
}
