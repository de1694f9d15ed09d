namespace ScheduleExplorer.Runtime;

/// <summary>
/// One decision of the scheduler: operation <paramref name="Current"/> reached a point of
/// <paramref name="Kind"/> at <paramref name="Site"/>, <paramref name="EnabledCount"/> operations could run
/// (before fair yields held any back), and <paramref name="Chosen"/> runs next.
/// </summary>
/// <param name="Step">The scheduling step the decision ends (1-based; a completion shares the step before it).</param>
/// <param name="Current">The operation that reached the point.</param>
/// <param name="Kind">The kind of the point.</param>
/// <param name="Site">Its source site, if known.</param>
/// <param name="Target">The location or resource it names, if any.</param>
/// <param name="EnabledCount">How many operations were enabled (fair yields may have offered the strategy fewer).</param>
/// <param name="Chosen">The operation that runs next.</param>
/// <param name="CurrentEnabled">Whether <paramref name="Current"/> could have gone on.</param>
internal readonly record struct DecisionEvent(int Step, int Current, SchedulingPointKind Kind, string? Site, string? Target, int EnabledCount, int Chosen, bool CurrentEnabled)
{
    /// <summary>Whether another operation runs next (a context switch).</summary>
    public bool IsSwitch => Chosen != Current;

    /// <summary>Whether the switch preempted an operation that could have gone on.</summary>
    public bool IsPreemption => IsSwitch && CurrentEnabled;
}
