using System.Text;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>A writer that hands every line written to it to a callback (a part's relayed output).</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly Action<string> _line;
    private readonly StringBuilder _pending = new();

    /// <summary>A writer calling <paramref name="line"/> for each line.</summary>
    public LineWriter(Action<string> line) => _line = line;

    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        lock (_pending)
        {
            _pending.Append(value);
            Emit();
        }
    }

    /// <inheritdoc/>
    public override void Write(char value)
    {
        lock (_pending)
        {
            if (value == '\n')
            {
                Emit();
            }
            else if (value != '\r')
            {
                _pending.Append(value);
            }
        }
    }

    private void Emit()
    {
        string line = _pending.ToString();
        _pending.Clear();
        _line(line);
    }
}
