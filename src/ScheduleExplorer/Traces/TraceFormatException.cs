namespace ScheduleExplorer.Traces;

/// <summary>A file that is not a readable ScheduleExplorer trace (malformed, foreign, or of another version).</summary>
public sealed class TraceFormatException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public TraceFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
