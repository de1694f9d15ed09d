namespace ScheduleExplorer.Runtime;

/// <summary>
/// Thrown inside a controlled operation to unwind its stack when the iteration ends early (a bug
/// was found elsewhere, or the step bound was reached). User code should not catch it.
/// </summary>
public sealed class ExecutionCanceledException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExecutionCanceledException()
        : base("The controlled iteration was cancelled; this operation is being unwound.")
    {
    }
}
