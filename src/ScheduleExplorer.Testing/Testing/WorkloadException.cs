namespace ScheduleExplorer.Testing;

/// <summary>
/// Bad input about the code under test, with a one-line message a person can act on: a missing
/// assembly, a file that is not a .NET assembly, a method that is missing, ambiguous or of the wrong
/// shape, or a trace recorded against another assembly or method.
/// </summary>
public sealed class WorkloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkloadException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
