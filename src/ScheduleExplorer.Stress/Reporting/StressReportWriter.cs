using System.Globalization;
using System.Text;
using ScheduleExplorer.Stress.Hangs;
using ScheduleExplorer.Stress.Running;

namespace ScheduleExplorer.Stress.Reporting;

/// <summary>Formats a <see cref="StressReport"/> for a person: verdict, counts, throughput, latency table, and the hang's threads.</summary>
public static class StressReportWriter
{
    private const int FramesShown = 8;

    /// <summary>The report as text.</summary>
    public static string Format(StressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"{Verdict(report)}: {report.Workload}");
        text.AppendLine(culture, $"  repetitions  {report.Repetitions:N0} measured{(report.WarmupRepetitions > 0 ? $" + {report.WarmupRepetitions} warm-up" : string.Empty)}, {report.Broken:N0} broken ({Percent(report.Broken, report.Repetitions + report.WarmupRepetitions)})");
        if (report.ExpectedPerRepetition is { } expected)
        {
            long total = expected * (report.Repetitions + report.WarmupRepetitions);
            text.AppendLine(culture, $"  lost updates {report.LostUpdates:N0} of {total:N0} ({Percent(report.LostUpdates, total)}); at most {report.MaxLostInRepetition:N0} in one repetition of {expected:N0}");
        }

        foreach (string failure in report.Failures)
        {
            text.AppendLine(culture, $"  failure      {failure}");
        }

        string throughput = report.OperationsPerSecond is { } ops
            ? $"{Units.Rate(ops)} operations/s ({Units.Nanoseconds(1e9 / ops)} per operation), {report.RepetitionsPerSecond:0.##} repetitions/s"
            : $"{report.RepetitionsPerSecond:0.##} repetitions/s";
        text.AppendLine(culture, $"  throughput   {throughput}");
        text.AppendLine(culture, $"  time         {report.MeasuredSeconds:0.000} s measured, {report.WallSeconds:0.000} s wall");
        if (report.Latency.Count > 0)
        {
            LatencySummary l = report.Latency;
            text.AppendLine();
            text.Append(new TextTable("per repetition", ">min", ">p50", ">p90", ">p99", ">max", ">mean")
                .Add("milliseconds", Ms(l.MinMs), Ms(l.P50Ms), Ms(l.P90Ms), Ms(l.P99Ms), Ms(l.MaxMs), Ms(l.MeanMs)));
        }

        if (report.Crash is { } crash)
        {
            text.AppendLine();
            text.AppendLine(culture, $"CRASH: {crash}");
        }

        if (report.Hang is { } hang)
        {
            text.AppendLine();
            text.Append(FormatHang(hang));
        }

        return text.ToString();
    }

    /// <summary>The watchdog's report: which threads are stuck, where, holding and waiting for what.</summary>
    public static string FormatHang(HangReport hang)
    {
        ArgumentNullException.ThrowIfNull(hang);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        string repetition = hang.Repetition == 0 ? "a warm-up repetition" : $"repetition {hang.Repetition}";
        text.AppendLine(culture, $"WATCHDOG: no repetition finished for {hang.SilenceSeconds:0.0} s; {repetition} of {hang.Workload} is stuck (process {hang.ProcessId}, ended).");
        ThreadInspection inspection = hang.Inspection;
        if (inspection.Error is { } error)
        {
            text.AppendLine(culture, $"The threads could not be inspected ({inspection.Method}): {error}");
            return text.ToString();
        }

        if (inspection.Cycle.Count > 0)
        {
            text.AppendLine(culture, $"Deadlock: {string.Join(" -> ", inspection.Cycle.Append(inspection.Cycle[0]))} (each waits for a lock the next holds).");
        }

        List<StuckThread> workload = [.. hang.WorkloadThreads];
        List<StuckThread> shown = workload.Count > 0 ? workload : [.. inspection.Threads];
        text.AppendLine(culture, $"{shown.Count} thread(s) stuck in the workload ({inspection.Method}; {inspection.Threads.Count - shown.Count + inspection.IdleThreads} other threads not shown):");
        foreach (StuckThread thread in shown)
        {
            text.Append(culture, $"  {thread.Label} (managed id {thread.ManagedThreadId}, OS thread {thread.OSThreadId})");
            if (thread.Holds.Count > 0)
            {
                text.Append(culture, $" holds {string.Join(", ", thread.Holds)}");
            }

            if (thread.WaitsFor is { } waits)
            {
                text.Append(culture, $"{(thread.Holds.Count > 0 ? "," : string.Empty)} waits for {waits}{(thread.WaitsForHolder is { } holder ? $" held by {holder}" : string.Empty)}");
            }

            text.AppendLine();
            foreach (StackFrameInfo frame in thread.Frames.Take(FramesShown))
            {
                text.AppendLine(culture, $"      {frame}");
            }
        }

        return text.ToString();
    }

    private static string Verdict(StressReport report) => report switch
    {
        { Hang: not null } => "HUNG",
        { Crash: not null } => "CRASHED",
        { Broken: > 0 } => "BROKEN",
        { Interrupted: true } => "HELD SO FAR (interrupted)",
        _ => "HELD",
    };

    private static string Percent(long part, long whole) =>
        whole == 0 ? "0%" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.###}%");

    private static string Ms(double milliseconds) => milliseconds.ToString("0.000", CultureInfo.InvariantCulture);
}
