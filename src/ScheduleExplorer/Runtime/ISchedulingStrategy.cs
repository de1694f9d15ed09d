namespace ScheduleExplorer.Runtime;

/// <summary>
/// The contract between the controlled scheduler and an exploration strategy. One instance lives
/// across all iterations of a run: <see cref="PrepareIteration"/> starts each one (false means the
/// strategy is exhausted), then the scheduler asks it at every scheduling point which operation runs
/// next, and for every data choice the test makes. Strategies see operation ids and, on demand, what
/// each enabled operation will do next (<see cref="PendingPoints"/>).
/// </summary>
public interface ISchedulingStrategy
{
    /// <summary>A short name such as "random" or "pct(3)".</summary>
    string Name { get; }

    /// <summary>Starts iteration <paramref name="iteration"/> (0-based); false when there is nothing left to explore.</summary>
    bool PrepareIteration(int iteration);

    /// <summary>
    /// Picks the operation to run next among <paramref name="enabled"/> (ascending ids, never empty).
    /// <paramref name="current"/> reached a point of <paramref name="kind"/>; it may not be enabled.
    /// <paramref name="pending"/> tells what each operation will do when it runs next (read lazily).
    /// </summary>
    int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending);

    /// <summary>A data choice: a boolean.</summary>
    bool NextBoolean(int current);

    /// <summary>A data choice: an integer in [0, <paramref name="maxValue"/>).</summary>
    int NextInteger(int current, int maxValue);
}
