using System.Globalization;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>
/// The live progress line of <c>schedex test</c> on a terminal: iterations, rate, bugs and ETA,
/// rewritten in place on standard error. Not used when standard error is not a terminal (CI logs
/// keep their plain periodic log lines), and never part of a trace or a report.
/// </summary>
internal sealed class ProgressLine
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromMilliseconds(200);
    private readonly TextWriter _terminal;
    private TimeSpan _shown = -s_refresh;
    private int _width;

    /// <summary>A line written to <paramref name="terminal"/>.</summary>
    public ProgressLine(TextWriter terminal) => _terminal = terminal;

    /// <summary>The line on this process's standard error, or null when it is not a terminal.</summary>
    public static ProgressLine? ForStandardError() => Console.IsErrorRedirected ? null : new ProgressLine(Console.Error);

    /// <summary>"1,234/4,000 iterations, 2,345 it/s, 0 bugs, ETA 0:00:02".</summary>
    public static string Format(int done, int total, int bugs, TimeSpan elapsed)
    {
        double rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        var left = TimeSpan.FromSeconds(Math.Round((total - done) / Math.Max(rate, 1e-9)));
        string eta = done == 0 ? "?" : string.Create(CultureInfo.InvariantCulture, $"{(long)left.TotalHours}:{left.Minutes:00}:{left.Seconds:00}");
        return string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0} iterations, {rate:N0} it/s, {bugs:N0} {(bugs == 1 ? "bug" : "bugs")}, ETA {eta}");
    }

    /// <summary>Rewrites the line (at most five times a second).</summary>
    public void Show(int done, int total, int bugs, TimeSpan elapsed)
    {
        if (elapsed - _shown < s_refresh)
        {
            return;
        }

        _shown = elapsed;
        string line = Format(done, total, bugs, elapsed);
        _terminal.Write('\r' + line.PadRight(_width));
        _terminal.Flush();
        _width = line.Length;
    }

    /// <summary>Erases the line, before the result is printed.</summary>
    public void Clear()
    {
        if (_width > 0)
        {
            _terminal.Write('\r' + new string(' ', _width) + '\r');
            _terminal.Flush();
            _width = 0;
        }
    }
}
