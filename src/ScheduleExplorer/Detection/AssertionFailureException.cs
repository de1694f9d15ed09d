namespace ScheduleExplorer.Detection;

/// <summary>
/// Thrown under control in place of the process-ending failure of <c>Debug.Assert</c>,
/// <c>Debug.Fail</c>, <c>Trace.Assert</c> and <c>Trace.Fail</c>, so it is reported as a bug.
/// </summary>
public sealed class AssertionFailureException : Exception
{
    /// <summary>Creates the exception with the assertion's message.</summary>
    public AssertionFailureException(string message)
        : base(message)
    {
    }
}
