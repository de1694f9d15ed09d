using System.Globalization;
using System.Text;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Cli.Hunt;

/// <summary>
/// The hunt table, written row by row as the hunt goes: the column widths are known up front (from
/// the plan and the fixed result vocabulary), so rows stay aligned without buffering the table.
/// </summary>
internal sealed class HuntTable
{
    private const string Gap = "  ";
    private static readonly string[] s_headers = ["", "workload", "strategy", "expected", "result", "iterations", "time", "trace"];
    private readonly TextWriter _output;
    private readonly int[] _widths;
    private bool _headerWritten;

    /// <summary>Creates a table for <paramref name="workloads"/> written to <paramref name="output"/>.</summary>
    public HuntTable(TextWriter output, IEnumerable<string> workloads, IEnumerable<string> strategies)
    {
        _output = output;
        string[] kinds = Enum.GetNames<BugKind>();
        _widths =
        [
            "FAIL".Length,
            Widest(workloads, s_headers[1]),
            Widest(strategies.Append(HuntRow.ReplayLabel), s_headers[2]),
            Widest(["no bug"], s_headers[3]),
            Widest(kinds.Select(k => $"reproduced ({k})").Append("not reproduced").Append(HuntRow.CouldNotTestResult), s_headers[4]),
            Widest(["1,000,000"], s_headers[5]),
            Widest(["1000.000 s"], s_headers[6]),
        ];
    }

    /// <summary>The header line.</summary>
    public string Header => Line(s_headers);

    /// <summary>The line of <paramref name="row"/>.</summary>
    public string Format(HuntRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string[] cells =
        [
            row.Matches ? "ok" : "FAIL",
            row.Workload,
            row.Strategy,
            row.ExpectBug ? "bug" : "no bug",
            row.Result,
            row.Iterations.ToString("N0", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{row.Elapsed.TotalSeconds:0.000} s"),
            row.TracePath ?? "-",
        ];
        return Line(cells);
    }

    /// <summary>
    /// Writes the line of <paramref name="row"/> at once, so a long hunt shows its progress; the header
    /// goes before the first row, so bad input (a missing assembly) fails before anything is printed.
    /// </summary>
    public void Write(HuntRow row)
    {
        if (!_headerWritten)
        {
            _output.WriteLine(Header);
            _headerWritten = true;
        }

        _output.WriteLine(Format(row));
        _output.Flush();
    }

    /// <summary>The closing lines: which rows did not match, and the verdict.</summary>
    public static string Footer(IReadOnlyList<HuntRow> rows, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        var failed = rows.Where(r => !r.Matches).ToList();
        text.AppendLine();
        foreach (HuntRow row in failed)
        {
            text.AppendLine(row.CouldNotTest
                ? string.Create(CultureInfo.InvariantCulture, $"FAIL {row.Workload} ({row.Strategy}): {row.Detail ?? row.Result}")
                : string.Create(CultureInfo.InvariantCulture, $"FAIL {row.Workload} ({row.Strategy}): expected {(row.ExpectBug ? "a bug" : "no bug")}, got {row.Detail ?? row.Result}"));
        }

        int workloads = rows.Select(r => r.Workload).Distinct(StringComparer.Ordinal).Count();
        text.Append(failed.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"All {rows.Count} checks as expected ({workloads} workloads) in {elapsed.TotalSeconds:0.0} s.")
            : string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of {rows.Count} checks did not match their expectation ({workloads} workloads, {elapsed.TotalSeconds:0.0} s)."));
        return text.ToString();
    }

    private string Line(IReadOnlyList<string> cells)
    {
        var line = new StringBuilder();
        for (int column = 0; column < cells.Count; column++)
        {
            if (column == cells.Count - 1)
            {
                line.Append(cells[column]); // The trace path is last: no padding, no trailing blanks.
                break;
            }

            // Numbers (iterations, time) are right-aligned so their digits line up.
            bool right = column is 5 or 6;
            string cell = right ? cells[column].PadLeft(_widths[column]) : cells[column].PadRight(_widths[column]);
            line.Append(cell).Append(Gap);
        }

        return line.ToString();
    }

    private static int Widest(IEnumerable<string> values, string header) => values.Append(header).Max(v => v.Length);
}
