namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>What a rendered step stands for, beyond the point it reached.</summary>
[Flags]
internal enum StepMarks
{
    /// <summary>A plain step.</summary>
    None = 0,

    /// <summary>The schedule took the baton from this operation although it could have continued.</summary>
    Preemption = 1,

    /// <summary>The operation blocked here and ran again only after another one woke it.</summary>
    Blocked = 2,

    /// <summary>A read or write racing with another operation's access to the same location.</summary>
    Race = 4,

    /// <summary>The operation is stuck here in the deadlock (its last step, part of the wait-for cycle).</summary>
    Deadlock = 8,

    /// <summary>The step where the bug surfaced (the failing assertion or exception).</summary>
    Failure = 16,
}
