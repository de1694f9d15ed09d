namespace ScheduleExplorer.Runtime;

/// <summary>
/// A strategy that follows a recorded schedule found the program doing something else: the step
/// number, the expected and the actual point are in the message. The scheduler ends the iteration
/// and reports it; it is a failure to replay, not a bug in the program.
/// </summary>
public sealed class ScheduleDivergenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScheduleDivergenceException(int step, string message)
        : base($"Replay diverged at step {step}: {message}")
    {
        Step = step;
    }

    /// <summary>The 1-based step at which the run left the recorded schedule.</summary>
    public int Step { get; }
}
