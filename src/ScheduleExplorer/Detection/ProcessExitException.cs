namespace ScheduleExplorer.Detection;

/// <summary>
/// Thrown under a controlled run in place of <see cref="Environment.Exit(int)"/> or
/// <see cref="Environment.FailFast(string)"/> in rewritten code: ending the process would end the
/// exploration silently (no report, no trace), so the call is a bug of the iteration that reached it,
/// with its trace.
/// </summary>
public sealed class ProcessExitException : Exception
{
    /// <summary>Creates the exception for <paramref name="call"/> ("Environment.Exit(3)") at <paramref name="site"/>.</summary>
    public ProcessExitException(string call, string? site)
        : base($"The workload called {call}{(site is null ? string.Empty : $" at {site}")}, which would end the process: under test it ends the iteration as a bug instead.")
    {
        Call = call;
    }

    /// <summary>The call, with its argument: "Environment.Exit(3)".</summary>
    public string Call { get; }
}
