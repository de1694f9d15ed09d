namespace ScheduleExplorer.Cli;

/// <summary>The process exit codes of every <c>schedex</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>The run finished and found no bug (or every hunt row matched its expectation).</summary>
    public const int NoBug = 0;

    /// <summary>A bug was found (or reproduced, or a hunt row did not match its expectation).</summary>
    public const int BugFound = 1;

    /// <summary>Bad usage or input: nothing was explored, or a replay diverged.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// Could not test: the run reached a concurrency API the runtime does not control, iterations
    /// were cut off by the step bound, or the workload hung in uncontrolled code. Neither "bug" nor
    /// "no bug" would be true; the printed line says what and what to do.
    /// </summary>
    public const int CouldNotTest = 3;

    /// <summary>
    /// Interrupted by SIGINT (Ctrl-C) or SIGTERM before the last iteration, with no bug found so far
    /// (a bug found before the signal still exits with <see cref="BugFound"/>): 128 + SIGINT, as shells do.
    /// </summary>
    public const int Interrupted = 130;
}
