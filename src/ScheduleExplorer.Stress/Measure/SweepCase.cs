namespace ScheduleExplorer.Stress.Measure;

/// <summary>One row family of a sweep: a workload entry measured at several thread counts.</summary>
/// <param name="Family">"counters" or "philosophers".</param>
/// <param name="Label">What the table prints: "lock (Monitor)".</param>
/// <param name="Method">The sized entry in the workloads assembly: "LostUpdate.Locked".</param>
/// <param name="Kind">A hardware reference, the bug, or a fix.</param>
/// <param name="SingleThreadOnly">Measured at one thread count only (the uncontended reference runs on one thread anyway).</param>
public sealed record SweepCase(string Family, string Label, string Method, SweepCaseKind Kind, bool SingleThreadOnly = false);

/// <summary>What a <see cref="SweepCase"/> is there for.</summary>
public enum SweepCaseKind
{
    /// <summary>The hardware limit the fixes are compared with.</summary>
    Reference,

    /// <summary>The bug, measured for its lost updates.</summary>
    Bug,

    /// <summary>A fix.</summary>
    Fix,
}
