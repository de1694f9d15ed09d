namespace ScheduleExplorer.Stress.Measure;

/// <summary>One measured (case, thread count) cell of a sweep.</summary>
/// <param name="Family">The case's family.</param>
/// <param name="Label">The case's label.</param>
/// <param name="Method">The entry measured.</param>
/// <param name="Kind">Reference, bug or fix.</param>
/// <param name="Threads">Threads (philosophers) of the run.</param>
/// <param name="OperationsPerRepetition">Increments or meals per repetition.</param>
/// <param name="Repetitions">Measured repetitions.</param>
/// <param name="Broken">Repetitions whose invariant broke.</param>
/// <param name="LostUpdates">Updates lost over all repetitions (counters).</param>
/// <param name="MedianMs">Median repetition time.</param>
/// <param name="OperationsPerSecond">Operations per second at the median.</param>
/// <param name="Problem">Set when the cell hung or crashed.</param>
public sealed record SweepCell(
    string Family,
    string Label,
    string Method,
    SweepCaseKind Kind,
    int Threads,
    long OperationsPerRepetition,
    int Repetitions,
    int Broken,
    long LostUpdates,
    double MedianMs,
    double OperationsPerSecond,
    string? Problem)
{
    /// <summary>Nanoseconds per operation at the median (wall time over all threads' operations).</summary>
    public double NanosecondsPerOperation => OperationsPerSecond > 0 ? 1e9 / OperationsPerSecond : double.NaN;
}
