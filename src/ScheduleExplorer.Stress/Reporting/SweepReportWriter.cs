using System.Globalization;
using System.Text;
using ScheduleExplorer.Stress.Measure;

namespace ScheduleExplorer.Stress.Reporting;

/// <summary>Formats a sweep: the counter table (with each row as a multiple of the hardware reference), the philosophers table, and their charts.</summary>
public static class SweepReportWriter
{
    /// <summary>Both tables, with a heading each.</summary>
    public static string Format(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        double reference = sweep.ReferenceNanoseconds;
        text.AppendLine(culture, $"Counter fixes: {sweep.Increments:N0} increments per thread, median of {sweep.Repetitions} repetitions after 1 warm-up, {sweep.ProcessorCount} logical processors.");
        text.AppendLine(culture, $"ns/incr is wall time over all threads' increments; x HW is ns/incr over the uncontended Interlocked reference ({Units.Nanoseconds(reference)}).");
        var counters = new TextTable("fix", ">threads", ">M incr/s", ">ns/incr", ">x HW", ">vs 1 thread", ">broken", ">lost updates/rep");
        AddRows(sweep, SweepPlan.Counters, counters, reference, countLost: true);
        text.Append(counters);
        text.AppendLine();
        text.AppendLine(culture, $"Philosopher fixes: {sweep.Meals:N0} meals per philosopher, median of {sweep.Repetitions} repetitions after 1 warm-up.");
        var philosophers = new TextTable("fix", ">philosophers", ">M meals/s", ">ns/meal", ">vs 2", ">broken");
        AddRows(sweep, SweepPlan.Philosophers, philosophers, double.NaN, countLost: false);
        text.Append(philosophers);
        return text.ToString();
    }

    /// <summary>Throughput against threads, one series per case of <paramref name="family"/>.</summary>
    public static SvgChart Chart(SweepResult sweep, string family)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        bool counters = family == SweepPlan.Counters;
        var chart = new SvgChart(
            counters ? $"Counter fixes: throughput vs threads ({sweep.Increments:N0} increments/thread)" : $"Philosopher fixes: throughput vs philosophers ({sweep.Meals:N0} meals each)",
            counters ? "threads" : "philosophers",
            counters ? "million increments per second (log scale)" : "million meals per second")
        {
            // Locks and plain stores differ by two orders of magnitude: on a linear axis the locks are a flat line.
            LogarithmicY = counters,
        };
        foreach (var group in sweep.Cells.Where(c => c.Family == family && c.Problem is null).GroupBy(c => c.Label))
        {
            chart.Add(group.Key, group.Select(c => ((double)c.Threads, c.OperationsPerSecond / 1e6)));
        }

        return chart;
    }

    private static void AddRows(SweepResult sweep, string family, TextTable table, double reference, bool countLost)
    {
        var culture = CultureInfo.InvariantCulture;
        foreach (var group in sweep.Cells.Where(c => c.Family == family).GroupBy(c => c.Label))
        {
            SweepCell? first = group.FirstOrDefault(c => c.Problem is null);
            bool label = true;
            foreach (SweepCell cell in group)
            {
                string name = label ? cell.Label : string.Empty;
                label = false;
                if (cell.Problem is { } problem)
                {
                    table.Add(name, cell.Threads.ToString(culture), problem);
                    continue;
                }

                string vsFirst = first is null ? "" : Units.Ratio(cell.OperationsPerSecond / first.OperationsPerSecond);
                string broken = $"{cell.Broken}/{cell.Repetitions + 1}";
                var cells = new List<string>
                {
                    name,
                    cell.Threads.ToString(culture),
                    (cell.OperationsPerSecond / 1e6).ToString("0.0", culture),
                    cell.NanosecondsPerOperation.ToString("0.00", culture),
                };
                if (countLost)
                {
                    cells.Add(double.IsFinite(reference) ? Units.Ratio(cell.NanosecondsPerOperation / reference) : "");
                }

                cells.Add(vsFirst);
                cells.Add(broken);
                if (countLost)
                {
                    long perRepetition = cell.LostUpdates / (cell.Repetitions + 1);
                    cells.Add(cell.Kind == SweepCaseKind.Bug || cell.LostUpdates > 0
                        ? string.Create(culture, $"{perRepetition:N0} ({100.0 * perRepetition / cell.OperationsPerRepetition:0.#}%)")
                        : "0");
                }

                table.Add([.. cells]);
            }
        }
    }
}
