using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Random"/>: under a controlled run, data choices come from the strategy and
/// are recorded in the trace, so a replay reproduces data as well as order. Calls that draw many
/// values (bytes, shuffles, items, 64-bit ranges) draw one recorded seed and fill from it.
/// </summary>
public static partial class ControlledRandom
{
    /// <inheritdoc cref="Random.Next()"/>
    public static int Next(Random random) =>
        ControlledScheduler.CurrentOperation is { } op ? Choose(op, int.MaxValue) : random.Next();

    /// <inheritdoc cref="Random.Next(int)"/>
    public static int Next(Random random, int maxValue)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return random.Next(maxValue);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return Choose(op, maxValue);
    }

    /// <inheritdoc cref="Random.Next(int, int)"/>
    public static int Next(Random random, int minValue, int maxValue)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return random.Next(minValue, maxValue);
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + Choose(op, (int)Math.Min(int.MaxValue, (long)maxValue - minValue));
    }

    /// <inheritdoc cref="Random.NextDouble"/>
    public static double NextDouble(Random random) =>
        ControlledScheduler.CurrentOperation is { } op ? Choose(op, 1 << 24) / (double)(1 << 24) : random.NextDouble();

    private static int Choose(ControlledOperation op, int maxValue) =>
        op.Scheduler.NextInteger(op, maxValue, ControlledSite.Current);
}
