namespace ScheduleExplorer.Runtime;

/// <summary>
/// What one step did to shared state: read or wrote a shared location (keyed by name), or acquired,
/// released or signalled a synchronization resource (keyed by identity). Two steps are independent
/// when neither writes what the other touches; partial-order reduction skips reorderings of
/// independent steps. <see cref="Everything"/> conservatively depends on every step.
/// </summary>
public readonly record struct StepEffect(object Key, bool IsWrite)
{
    /// <summary>A key that conflicts with every other effect (atomics of unknown address, data choices, time).</summary>
    public static readonly object Everything = new();

    /// <summary>Whether two steps with these effects may not be swapped.</summary>
    public static bool Dependent(ReadOnlySpan<StepEffect> first, ReadOnlySpan<StepEffect> second)
    {
        foreach (var a in first)
        {
            if (ReferenceEquals(a.Key, Everything))
            {
                return true;
            }

            foreach (var b in second)
            {
                if (ReferenceEquals(b.Key, Everything) || ((a.IsWrite || b.IsWrite) && Equals(a.Key, b.Key)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
