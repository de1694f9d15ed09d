namespace ScheduleExplorer.Stress.Running;

/// <summary>What one repetition showed: whether the invariant broke, why, and for counted workloads the count.</summary>
/// <param name="Broken">True when the invariant broke.</param>
/// <param name="Failure">The failure message ("Lost update: expected 8, counted 7"), or null when it held.</param>
/// <param name="Expected">For a counted workload, the total a correct run reaches.</param>
/// <param name="Counted">For a counted workload, the total this run reached.</param>
public sealed record RepetitionOutcome(bool Broken, string? Failure, long? Expected = null, long? Counted = null)
{
    /// <summary>The invariant held and nothing was counted.</summary>
    public static RepetitionOutcome Held { get; } = new(false, null);

    /// <summary>Updates lost in this repetition: expected − counted for a counted workload, otherwise 0.</summary>
    public long Lost => Expected is { } expected && Counted is { } counted && counted < expected ? expected - counted : 0;

    /// <summary>The invariant broke with <paramref name="failure"/>.</summary>
    public static RepetitionOutcome Failed(string failure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(failure);
        return new RepetitionOutcome(true, failure);
    }

    /// <summary>A counted repetition: broken when <paramref name="counted"/> differs from <paramref name="expected"/>.</summary>
    public static RepetitionOutcome FromCount(long expected, long counted) => counted == expected
        ? new RepetitionOutcome(false, null, expected, counted)
        : new RepetitionOutcome(true, $"Lost update: expected {expected}, counted {counted} ({expected - counted} lost)", expected, counted);
}
