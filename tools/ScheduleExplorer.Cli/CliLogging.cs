using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ScheduleExplorer.Cli;

/// <summary>The console logger of every command: single-line simple format, on standard error.</summary>
internal static class CliLogging
{
    /// <summary>
    /// A logger factory writing entries at <paramref name="level"/> and above to standard error.
    /// Dispose it before printing results so queued log lines are flushed first.
    /// </summary>
    public static ILoggerFactory Create(LogLevel level) => CreateInner(level);

    /// <summary>
    /// Like <see cref="Create"/>, but entries are held until <see cref="HeldLoggerFactory.Release"/>:
    /// a command releases them once its input proved good.
    /// </summary>
    public static HeldLoggerFactory CreateHeld(LogLevel level) => new(CreateInner(level));

    private static ILoggerFactory CreateInner(LogLevel level) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(level);
        if (level == LogLevel.None)
        {
            return;
        }

        // Standard output is for results (reports, tables) that people pipe; every log entry goes to stderr.
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = false;
            options.TimestampFormat = "HH:mm:ss ";
        });
    });
}
