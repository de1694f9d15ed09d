namespace ScheduleExplorer.Testing;

/// <summary>How far a minimized schedule's preemption count is known to be the least the bug needs.</summary>
internal enum Minimality
{
    /// <summary>Every schedule with fewer preemptions was run and none shows the bug.</summary>
    Proven,

    /// <summary>No single preemption can be dropped, but schedules with fewer were not all run (the schedule is long, or the budget ran out).</summary>
    OneMinimal,

    /// <summary>The minimization budget ran out before even that was known.</summary>
    Unproven,
}
