namespace ScheduleExplorer.Stress.Running;

/// <summary>One finished repetition: its number (from 1), how long it took and what it showed.</summary>
/// <param name="Index">The repetition's number, from 1; warm-up repetitions are not numbered.</param>
/// <param name="Elapsed">Wall-clock time of the repetition.</param>
/// <param name="Outcome">Whether its invariant held.</param>
public sealed record RepetitionResult(int Index, TimeSpan Elapsed, RepetitionOutcome Outcome);
