using System.CommandLine;
using ScheduleExplorer.Stress.Demos;
using ScheduleExplorer.Stress.Reporting;

namespace ScheduleExplorer.Cli.Stress;

/// <summary>
/// <c>schedex demo cpu|io</c>: concurrency vs parallelism on real threads. <c>cpu</c> counts primes sequentially,
/// with Parallel.For, threads and async at 1…N threads and fits Amdahl's law; <c>io</c> starts an HTTP server on
/// 127.0.0.1 with a fixed latency and makes the same requests sequentially, from blocking thread pools of
/// several sizes, and with async/Task.WhenAll.
/// </summary>
internal sealed class DemoCommand
{
    private readonly CliConsole _console;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public DemoCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("demo", "Concurrency vs parallelism on real threads: 'cpu' (CPU-bound primes, Amdahl fit) or 'io' (HTTP requests to a loopback server).")
        {
            Cpu(),
            Io(),
        };
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private Command Cpu()
    {
        var limit = StressCliOptions.Int("--limit", null, 1_000, 500_000_000, "Count the primes below this (default 2,000,000).");
        var threads = StressCliOptions.Int("--threads", null, 1, 256, "Largest thread count (default: the processor count).");
        var repetitions = StressCliOptions.Int("--repetitions", "-r", 1, 1000, "Repetitions per row; the median is shown (default 3).", "R");
        var chart = StressCliOptions.Chart("the speedup against threads, with the Amdahl curve");
        var report = StressCliOptions.Report();
        var command = new Command("cpu", "CPU-bound: sequential vs Parallel.For vs threads vs async (await Task.Run per block); speedups and Amdahl's serial fraction.")
        {
            limit, threads, repetitions, chart, report,
        };
        command.SetAction(parse =>
        {
            StressCliOptions.PrepareOutputs(parse.GetValue(report), parse.GetValue(chart));
            CpuDemoResult result = CpuDemo.Run(
                parse.GetValue(limit) ?? 2_000_000,
                parse.GetValue(threads) ?? Environment.ProcessorCount,
                parse.GetValue(repetitions) ?? 3,
                message => _console.Error.WriteLine(message));
            _console.Out.Write(DemoReportWriter.Format(result));
            Finish(parse.GetValue(report), parse.GetValue(chart), path => StressJson.Write(path, result), DemoReportWriter.Chart(result));
            return result.Consistent ? ExitCodes.NoBug : ExitCodes.BugFound;
        });
        return command;
    }

    private Command Io()
    {
        var requests = StressCliOptions.Int("--requests", null, 1, 1000, "Requests per mode (default 10).");
        var latency = StressCliOptions.Int("--latency", null, 0, 10_000, "The server's latency per request in milliseconds (default 100).", "MS");
        var threads = StressCliOptions.Int("--threads", null, 1, 1000, "Largest blocking pool in the thread-count sweep (default: the requests).");
        var chart = StressCliOptions.Chart("the total time against blocking threads");
        var report = StressCliOptions.Report();
        var command = new Command("io", "I/O-bound: sequential vs blocking threads (pool-size sweep) vs async/Task.WhenAll against an HTTP server on 127.0.0.1.")
        {
            requests, latency, threads, chart, report,
        };
        command.SetAction(parse =>
        {
            StressCliOptions.PrepareOutputs(parse.GetValue(report), parse.GetValue(chart));
            int count = parse.GetValue(requests) ?? 10;
            IoDemoResult result = IoDemo.Run(
                count,
                TimeSpan.FromMilliseconds(parse.GetValue(latency) ?? 100),
                parse.GetValue(threads) ?? count,
                message => _console.Error.WriteLine(message));
            _console.Out.Write(DemoReportWriter.Format(result));
            _console.Out.WriteLine();
            _console.Out.Write(IoBoundComparison.Run(count, parse.GetValue(latency) ?? 100));
            Finish(parse.GetValue(report), parse.GetValue(chart), path => StressJson.Write(path, result), DemoReportWriter.Chart(result));
            return ExitCodes.NoBug;
        });
        return command;
    }

    private void Finish(string? reportPath, string? chartPath, Action<string> writeReport, SvgChart chart)
    {
        if (reportPath is not null)
        {
            writeReport(reportPath);
        }

        if (chartPath is not null)
        {
            StressCliOptions.Save(chart, chartPath, _console.Out);
        }
    }
}
