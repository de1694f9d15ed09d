namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Uses <see cref="System.Timers.Timer"/>, which the controlled runtime does not schedule: the harness
/// must REPORT it as uncontrolled (naming the API and the line) rather than let it fire on the thread pool.
/// </summary>
public static class SystemTimersUse
{
    /// <summary>Starts a timer that would increment a tally on the thread pool.</summary>
    public static void Run()
    {
        var tally = new Tally();
        using var timer = new System.Timers.Timer(10);
        timer.Elapsed += (_, _) => tally.Increment();
        timer.Start();
    }
}
