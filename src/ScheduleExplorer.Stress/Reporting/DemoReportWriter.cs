using System.Globalization;
using System.Text;
using ScheduleExplorer.Stress.Demos;

namespace ScheduleExplorer.Stress.Reporting;

/// <summary>Formats the concurrency-vs-parallelism demos as tables, and the CPU demo's speedup chart.</summary>
public static class DemoReportWriter
{
    /// <summary>The CPU demo's table and Amdahl fits.</summary>
    public static string Format(CpuDemoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"CPU-bound: counting the primes below {result.Limit:N0} ({result.Rows[0].Primes:N0} primes), median of {result.Repetitions}, {result.ProcessorCount} logical processors.");
        var table = new TextTable("mode", ">threads", ">ms", ">speedup", ">efficiency");
        foreach (CpuDemoRow row in result.Rows)
        {
            table.Add(row.Mode, row.Threads.ToString(culture), row.MedianMs.ToString("0.0", culture), Units.Ratio(row.Speedup),
                (row.Speedup / row.Threads).ToString("0%", culture));
        }

        text.Append(table);
        text.AppendLine();
        text.AppendLine("Amdahl's law, speedup(n) = 1 / (s + (1 - s) / n), least squares on n <= processors:");
        var fits = new TextTable("mode", ">serial fraction s", ">max speedup 1/s", ">rms error", ">points");
        foreach ((string mode, AmdahlFit fit) in result.Fits)
        {
            fits.Add(mode, fit.SerialFraction.ToString("0.000", culture),
                double.IsFinite(fit.MaxSpeedup) ? Units.Ratio(fit.MaxSpeedup) : "unbounded", fit.RmsError.ToString("0.000", culture), fit.Points.ToString(culture));
        }

        text.Append(fits);
        if (!result.Consistent)
        {
            text.AppendLine("WARNING: the modes did not count the same number of primes.");
        }

        return text.ToString();
    }

    /// <summary>Speedup against threads per mode, with the ideal line and the Amdahl curve fitted to the threads mode.</summary>
    public static SvgChart Chart(CpuDemoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var chart = new SvgChart($"CPU-bound speedup (primes below {result.Limit:N0})", "threads", "speedup over sequential");
        int maxThreads = result.Rows.Max(r => r.Threads);
        foreach (string mode in CpuDemo.ParallelModes)
        {
            chart.Add(mode, result.Rows.Where(r => r.Mode == mode).Select(r => ((double)r.Threads, r.Speedup)));
        }

        chart.Add("ideal (s = 0)", Enumerable.Range(1, maxThreads).Select(n => ((double)n, (double)Math.Min(n, result.ProcessorCount))), dashed: true);
        if (result.Fits.TryGetValue("threads", out AmdahlFit? fit) && double.IsFinite(fit.SerialFraction))
        {
            chart.Add(string.Create(CultureInfo.InvariantCulture, $"Amdahl fit, s = {fit.SerialFraction:0.000}"),
                Enumerable.Range(0, 41).Select(i => 1 + ((maxThreads - 1) * i / 40.0)).Select(n => (n, fit.Speedup(Math.Min(n, result.ProcessorCount)))), dashed: true);
        }

        return chart;
    }

    /// <summary>The I/O demo's table.</summary>
    public static string Format(IoDemoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"I/O-bound: {result.Requests} GET requests to {result.Url} (loopback), each answered after {result.LatencyMs:0} ms; sum of latencies {result.SumOfLatenciesMs:0} ms.");
        var table = new TextTable("mode", ">threads", ">total ms", ">x one latency", ">requests/s");
        foreach (IoDemoRow row in result.Rows)
        {
            table.Add(row.Mode, row.Threads == 0 ? "-" : row.Threads.ToString(culture), row.ElapsedMs.ToString("0.0", culture),
                Units.Ratio(row.ElapsedMs / result.LatencyMs), (row.Succeeded / (row.ElapsedMs / 1e3)).ToString("0.0", culture));
        }

        text.Append(table);
        if (result.BestThreads is { } best)
        {
            text.AppendLine(culture, $"Best blocking pool for this load: {best.Threads} threads ({best.ElapsedMs:0} ms); async needs no waiting thread at all.");
        }

        return text.ToString();
    }

    /// <summary>Total time against blocking threads, with sequential and async as flat references.</summary>
    public static SvgChart Chart(IoDemoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var chart = new SvgChart($"I/O-bound: {result.Requests} requests x {result.LatencyMs:0} ms", "blocking threads", "total milliseconds");
        List<IoDemoRow> threads = [.. result.Rows.Where(r => r.Mode == IoDemo.Threads)];
        chart.Add(IoDemo.Threads, threads.Select(r => ((double)r.Threads, r.ElapsedMs)));
        double maxThreads = threads.Count == 0 ? 1 : threads.Max(r => r.Threads);
        foreach (IoDemoRow flat in result.Rows.Where(r => r.Mode != IoDemo.Threads))
        {
            chart.Add(flat.Mode, [(1, flat.ElapsedMs), (maxThreads, flat.ElapsedMs)], dashed: true);
        }

        return chart;
    }
}
