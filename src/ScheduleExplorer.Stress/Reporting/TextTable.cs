using System.Text;

namespace ScheduleExplorer.Stress.Reporting;

/// <summary>A plain-text table with aligned columns: text left-aligned, numbers right-aligned, a rule under the header.</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table; a header starting with '>' is right-aligned (the '>' is not printed).</summary>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _rightAligned = [.. headers.Select(h => h.StartsWith('>'))];
        _headers = [.. headers.Select(h => h.TrimStart('>'))];
    }

    /// <summary>Adds a row (missing cells are empty).</summary>
    public TextTable Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _rows.Add([.. Enumerable.Range(0, _headers.Length).Select(i => i < cells.Length ? cells[i] : string.Empty)]);
        return this;
    }

    /// <summary>The table, one line per row, with a trailing newline.</summary>
    public override string ToString()
    {
        int[] widths = [.. Enumerable.Range(0, _headers.Length).Select(i => _rows.Select(r => r[i].Length).Append(_headers[i].Length).Max())];
        var text = new StringBuilder();
        Line(text, _headers, widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (string[] row in _rows)
        {
            Line(text, row, widths);
        }

        return text.ToString();
    }

    private void Line(StringBuilder text, string[] cells, int[] widths)
    {
        var parts = cells.Select((c, i) => _rightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
        text.AppendLine(string.Join("  ", parts).TrimEnd());
    }
}
