namespace ScheduleExplorer.Stress.Targets;

/// <summary>
/// Bad input for a real run, with a one-line message a person can act on: a missing assembly, a file that
/// is not a .NET assembly, a method that is missing, ambiguous or of the wrong shape, or sizes the workload
/// rejects. Nothing was run.
/// </summary>
public sealed class StressInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StressInputException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
