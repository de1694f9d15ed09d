namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Throws from rewritten code: the stack trace must keep File.cs:line.
public sealed class Failures
{
    private static string s_message = "boom";
    private int _state;

    public static string Message
    {
        get => s_message;
        set => s_message = value;
    }

    public void Fail(int value)
    {
        _state = value;
        if (_state > 0)
        {
            throw new InvalidOperationException(s_message);
        }
    }
}
