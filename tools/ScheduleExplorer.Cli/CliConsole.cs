namespace ScheduleExplorer.Cli;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, errors to <see cref="Error"/>. Passed in, not
/// taken from <see cref="Console"/>, so tests can drive the whole command line in-process.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>The prefix of every error line, as compilers and git do.</summary>
    public const string ErrorPrefix = "schedex: error: ";

    /// <summary>Creates a console over two writers.</summary>
    public CliConsole(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Out = output;
        Error = error;
    }

    /// <summary>Results: reports, summaries, tables.</summary>
    public TextWriter Out { get; }

    /// <summary>Errors (log lines go to the process's standard error through the console logger).</summary>
    public TextWriter Error { get; }

    /// <summary>Writes <c>schedex: error: message</c> (first line only) and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public int Fail(string message)
    {
        Error.WriteLine(ErrorPrefix + FirstLine(message));
        return ExitCodes.BadInput;
    }

    /// <summary>The first non-empty line of <paramref name="message"/>, trimmed.</summary>
    public static string FirstLine(string message)
    {
        // ArgumentOutOfRangeException appends "Actual value was …" on a second line; the first says it all.
        string line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
        return line.Trim();
    }
}
