namespace ScheduleExplorer.Detection;

/// <summary>
/// Thrown under control when rewritten code calls a concurrency API the controlled runtime does not
/// control (the thread pool, timers, tasks, processes): running it would escape the scheduler, so
/// the run ends with the verdict "could not test", naming the API, its line and what to do.
/// </summary>
public sealed class UncontrolledConcurrencyException : Exception
{
    /// <summary>Creates the exception naming the API and what to do instead.</summary>
    public UncontrolledConcurrencyException(string api, string advice)
        : this(api, advice, site: null)
    {
    }

    /// <summary>Creates the exception naming the API, the call's source site ("File.cs:42") and what to do instead.</summary>
    public UncontrolledConcurrencyException(string api, string advice, string? site)
        : base($"Uncontrolled concurrency: {api} is not controlled by ScheduleExplorer. {advice}")
    {
        Api = api;
        Advice = advice;
        Site = site;
    }

    /// <summary>The API that was called, as "Type.Method".</summary>
    public string Api { get; }

    /// <summary>What to do instead.</summary>
    public string Advice { get; }

    /// <summary>The call's source site as the rewriter recorded it ("File.cs:42"), if known.</summary>
    public string? Site { get; }
}
