namespace ScheduleExplorer.Detection;

/// <summary>
/// Reads a user exception's text for a report when the exception's own members may throw: a
/// <c>Message</c>, <c>StackTrace</c> or <c>ToString</c> override that fails is named in the text
/// instead of escaping into the harness.
/// </summary>
internal static class ExceptionText
{
    /// <summary>The exception's message, or a line saying that reading it threw.</summary>
    public static string Message(Exception exception)
    {
        try
        {
            return exception.Message ?? string.Empty;
        }
        catch (Exception e)
        {
            return $"(its Message threw {TypeName(e)})";
        }
    }

    /// <summary>The exception's <c>ToString()</c>, or its type, message and stack read one by one when that throws.</summary>
    public static string Describe(Exception exception)
    {
        try
        {
            return exception.ToString() ?? TypeName(exception);
        }
        catch (Exception e)
        {
            return $"{TypeName(exception)}: {Message(exception)} (its ToString threw {TypeName(e)})\n{Stack(exception)}";
        }
    }

    private static string Stack(Exception exception)
    {
        try
        {
            return new System.Diagnostics.StackTrace(exception, fNeedFileInfo: true).ToString();
        }
        catch (Exception)
        {
            return string.Empty;
        }
    }

    private static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;
}
