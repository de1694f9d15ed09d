namespace ScheduleExplorer.Detection;

/// <summary>
/// Thrown under control when rewritten code calls a concurrency API the controlled runtime does not
/// control (the thread pool, timers, tasks, processes): running it would escape the scheduler.
/// </summary>
public sealed class UncontrolledConcurrencyException : Exception
{
    /// <summary>Creates the exception naming the API and what to do instead.</summary>
    public UncontrolledConcurrencyException(string api, string advice)
        : base($"Uncontrolled concurrency: {api} is not controlled by ScheduleExplorer. {advice}")
    {
        Api = api;
    }

    /// <summary>The API that was called, as "Type.Method".</summary>
    public string Api { get; }
}
