using System.Globalization;
using Microsoft.Extensions.Logging;
using CoyoteLogSeverity = Microsoft.Coyote.Logging.LogSeverity;
using ICoyoteLogger = Microsoft.Coyote.Logging.ILogger;

namespace ScheduleExplorer.Coyote;

/// <summary>
/// Sends Coyote's log lines to a <see cref="ILogger"/> (Coyote would otherwise print to the console):
/// warnings as such, everything else as debug: Coyote's errors are the bug reports, which the
/// <see cref="CoyoteTestReport"/> carries, and its "important" lines are per-iteration progress.
/// </summary>
internal sealed class CoyoteLogger : ICoyoteLogger
{
    private readonly ILogger _logger;

    /// <summary>Creates a logger writing to <paramref name="logger"/>.</summary>
    public CoyoteLogger(ILogger logger) => _logger = logger;

    /// <inheritdoc/>
    public void Write(string value) => Log(CoyoteLogSeverity.Info, value, []);

    /// <inheritdoc/>
    public void Write(string format, object arg0) => Log(CoyoteLogSeverity.Info, format, [arg0]);

    /// <inheritdoc/>
    public void Write(string format, object arg0, object arg1) => Log(CoyoteLogSeverity.Info, format, [arg0, arg1]);

    /// <inheritdoc/>
    public void Write(string format, object arg0, object arg1, object arg2) => Log(CoyoteLogSeverity.Info, format, [arg0, arg1, arg2]);

    /// <inheritdoc/>
    public void Write(string format, params object[] args) => Log(CoyoteLogSeverity.Info, format, args);

    /// <inheritdoc/>
    public void Write(CoyoteLogSeverity severity, string value) => Log(severity, value, []);

    /// <inheritdoc/>
    public void Write(CoyoteLogSeverity severity, string format, object arg0) => Log(severity, format, [arg0]);

    /// <inheritdoc/>
    public void Write(CoyoteLogSeverity severity, string format, object arg0, object arg1) => Log(severity, format, [arg0, arg1]);

    /// <inheritdoc/>
    public void Write(CoyoteLogSeverity severity, string format, object arg0, object arg1, object arg2) => Log(severity, format, [arg0, arg1, arg2]);

    /// <inheritdoc/>
    public void Write(CoyoteLogSeverity severity, string format, params object[] args) => Log(severity, format, args);

    /// <inheritdoc/>
    public void WriteLine(string value) => Write(value);

    /// <inheritdoc/>
    public void WriteLine(string format, object arg0) => Write(format, arg0);

    /// <inheritdoc/>
    public void WriteLine(string format, object arg0, object arg1) => Write(format, arg0, arg1);

    /// <inheritdoc/>
    public void WriteLine(string format, object arg0, object arg1, object arg2) => Write(format, arg0, arg1, arg2);

    /// <inheritdoc/>
    public void WriteLine(string format, params object[] args) => Write(format, args);

    /// <inheritdoc/>
    public void WriteLine(CoyoteLogSeverity severity, string value) => Write(severity, value);

    /// <inheritdoc/>
    public void WriteLine(CoyoteLogSeverity severity, string format, object arg0) => Write(severity, format, arg0);

    /// <inheritdoc/>
    public void WriteLine(CoyoteLogSeverity severity, string format, object arg0, object arg1) => Write(severity, format, arg0, arg1);

    /// <inheritdoc/>
    public void WriteLine(CoyoteLogSeverity severity, string format, object arg0, object arg1, object arg2) => Write(severity, format, arg0, arg1, arg2);

    /// <inheritdoc/>
    public void WriteLine(CoyoteLogSeverity severity, string format, params object[] args) => Write(severity, format, args);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void Log(CoyoteLogSeverity severity, string format, object[] args)
    {
        LogLevel level = severity switch
        {
            CoyoteLogSeverity.Warning => LogLevel.Warning,
            _ => LogLevel.Debug,
        };
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        string text = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        if (text.Length > 0)
        {
            _logger.Log(level, "coyote: {Line}", text.TrimEnd());
        }
    }
}
