namespace ScheduleExplorer.Stress.Running;

/// <summary>Repetition durations, in milliseconds: percentiles (nearest rank), mean and extremes.</summary>
/// <param name="Count">Number of repetitions summarized.</param>
/// <param name="MinMs">The fastest.</param>
/// <param name="P50Ms">The median.</param>
/// <param name="P90Ms">90th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">The slowest.</param>
/// <param name="MeanMs">The mean.</param>
public sealed record LatencySummary(int Count, double MinMs, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs)
{
    /// <summary>No repetition.</summary>
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Summarizes <paramref name="durations"/>.</summary>
    public static LatencySummary Of(IEnumerable<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        double[] sorted = [.. durations.Select(d => d.TotalMilliseconds).Order()];
        if (sorted.Length == 0)
        {
            return Empty;
        }

        return new LatencySummary(
            sorted.Length, sorted[0], Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted[^1], sorted.Average());
    }

    /// <summary>The nearest-rank percentile of ascending <paramref name="sorted"/> values: the smallest value with at least p% at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        int rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
