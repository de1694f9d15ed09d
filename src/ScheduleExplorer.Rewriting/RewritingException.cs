namespace ScheduleExplorer.Rewriting;

/// <summary>
/// A rewrite or a rewriting configuration failed; the message is one line naming the file and the
/// problem ("not a .NET assembly: x.dll", "file not found: …", "already rewritten: …").
/// </summary>
public sealed class RewritingException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public RewritingException()
        : base("rewriting failed")
    {
    }

    /// <summary>Creates an exception with a one-line <paramref name="message"/>.</summary>
    public RewritingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a one-line <paramref name="message"/> and its cause.</summary>
    public RewritingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
