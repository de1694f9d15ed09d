using System.Globalization;

namespace ScheduleExplorer.Cli.Isolation;

/// <summary>
/// What a child wrote to its standard error itself (not schedex's log lines), kept bounded: the first
/// lines, which name a crash's cause ("Stack overflow.", "Unhandled exception. …"), and the last ones.
/// </summary>
internal sealed class ErrorCapture
{
    private const int Kept = 20;
    private readonly List<string> _head = [];
    private readonly Queue<string> _tail = new();
    private int _skipped;

    /// <summary>Keeps <paramref name="line"/>; thread-safe.</summary>
    public void Add(string line)
    {
        lock (_tail)
        {
            if (_head.Count < Kept)
            {
                _head.Add(line);
                return;
            }

            _tail.Enqueue(line);
            if (_tail.Count > Kept)
            {
                _tail.Dequeue();
                _skipped++;
            }
        }
    }

    /// <summary>The kept lines, with one line saying how many were left out between head and tail.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_tail)
        {
            var lines = new List<string>(_head);
            if (_skipped > 0)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"… ({_skipped:N0} lines left out)"));
            }

            lines.AddRange(_tail);
            return lines;
        }
    }
}
