namespace ScheduleExplorer.Cli;

/// <summary>Builds command lines a person can copy and paste into their shell.</summary>
internal static class CommandLineText
{
    /// <summary>The <c>schedex replay</c> line that reproduces a trace written for <paramref name="assemblyPath"/>.</summary>
    public static string Replay(string assemblyPath, string tracePath) =>
        $"schedex replay {Quote(assemblyPath)} {Quote(tracePath)}";

    /// <summary>
    /// <paramref name="argument"/> as one shell word: unchanged when it is plain, otherwise in single
    /// quotes (POSIX shells) or double quotes (Windows).
    /// </summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }

        return OperatingSystem.IsWindows()
            ? $"\"{argument.Replace("\"", "\\\"", StringComparison.Ordinal)}\""
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '_' or ':' or '+' or '=' or ',' or '@'
        || (c == '\\' && OperatingSystem.IsWindows());
}
