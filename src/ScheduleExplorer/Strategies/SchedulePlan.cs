namespace ScheduleExplorer.Strategies;

/// <summary>
/// A schedule told as switches instead of steps: at which of its own points each operation was
/// preempted and for whom (<see cref="Preemptions"/>, in the order they happened), to whom each
/// operation handed over when it blocked or ended (<see cref="Handoffs"/>), and the data choices.
/// Everything else is "the running operation keeps running". Dropping preemptions from a plan gives
/// the schedule with those preemptions taken out and the rest kept where it still fits.
/// </summary>
internal sealed record SchedulePlan(
    IReadOnlyList<KeyValuePair<PlanPoint, int>> Preemptions,
    IReadOnlyDictionary<PlanPoint, int> Handoffs,
    IReadOnlyDictionary<PlanPoint, int> Choices)
{
    /// <summary>This plan with only the preemptions <paramref name="kept"/>.</summary>
    public SchedulePlan With(IReadOnlyList<KeyValuePair<PlanPoint, int>> kept) => this with { Preemptions = kept };
}
