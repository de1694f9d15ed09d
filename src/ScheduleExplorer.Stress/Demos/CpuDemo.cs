using System.Diagnostics;
using ScheduleExplorer.Workloads.RealWorld;

namespace ScheduleExplorer.Stress.Demos;

/// <summary>One measured way of counting the primes.</summary>
/// <param name="Mode">"sequential", "Parallel.For", "threads" or "async (await Task.Run per block)".</param>
/// <param name="Threads">Threads, degree of parallelism, or async lanes.</param>
/// <param name="MedianMs">Median time of the repetitions.</param>
/// <param name="Speedup">Sequential median over this median.</param>
/// <param name="Primes">What it counted (every row must agree).</param>
public sealed record CpuDemoRow(string Mode, int Threads, double MedianMs, double Speedup, long Primes);

/// <summary>The CPU-bound demo's result: every row, and Amdahl's law fitted per parallel mode.</summary>
/// <param name="Limit">Primes were counted below this.</param>
/// <param name="ProcessorCount">Logical processors.</param>
/// <param name="Repetitions">Repetitions per row (median taken).</param>
/// <param name="Rows">Sequential first, then each mode at each thread count.</param>
/// <param name="Fits">Per parallel mode, Amdahl's law fitted on the thread counts up to the processor count.</param>
public sealed record CpuDemoResult(int Limit, int ProcessorCount, int Repetitions, IReadOnlyList<CpuDemoRow> Rows, IReadOnlyDictionary<string, AmdahlFit> Fits)
{
    /// <summary>True when every row counted the same number of primes.</summary>
    public bool Consistent => Rows.Select(r => r.Primes).Distinct().Count() == 1;
}

/// <summary>
/// Concurrency vs parallelism, CPU-bound: counts the primes below a limit sequentially, with
/// <c>Parallel.For</c>, with threads and with async code awaiting <c>Task.Run</c> per block, at 1…N threads,
/// and fits Amdahl's law to the speedups. Parallelism pays for CPU-bound work up to the core count; wrapping
/// the work in async adds nothing but overhead.
/// </summary>
public static class CpuDemo
{
    /// <summary>The sequential mode's name.</summary>
    public const string Sequential = "sequential";

    /// <summary>The parallel modes, in table order.</summary>
    public static IReadOnlyList<string> ParallelModes { get; } = ["Parallel.For", "threads", "async (await Task.Run per block)"];

    /// <summary>Runs the demo.</summary>
    /// <param name="limit">Count the primes below this.</param>
    /// <param name="maxThreads">Parallel modes run at 1…maxThreads.</param>
    /// <param name="repetitions">Repetitions per row (median), after one unmeasured warm-up of each mode.</param>
    /// <param name="log">Told which row starts.</param>
    public static CpuDemoResult Run(int limit, int maxThreads, int repetitions, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxThreads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        var rows = new List<CpuDemoRow>();
        log?.Invoke("sequential…");
        (double sequential, long primes) = Measure(() => PrimeCounting.Sequential(limit), repetitions);
        rows.Add(new CpuDemoRow(Sequential, 1, sequential, 1, primes));
        var fits = new Dictionary<string, AmdahlFit>();
        foreach (string mode in ParallelModes)
        {
            var points = new List<(double, double)>();
            for (int threads = 1; threads <= maxThreads; threads++)
            {
                log?.Invoke($"{mode} on {threads} thread(s)…");
                int n = threads;
                Func<long> count = mode switch
                {
                    "Parallel.For" => () => PrimeCounting.ParallelFor(limit, n),
                    "threads" => () => PrimeCounting.Threads(limit, n),
                    _ => () => PrimeCounting.AwaitTaskRunPerBlockAsync(limit, n).GetAwaiter().GetResult(),
                };
                (double median, long counted) = Measure(count, repetitions);
                double speedup = sequential / median;
                rows.Add(new CpuDemoRow(mode, threads, median, speedup, counted));
                if (threads <= Environment.ProcessorCount)
                {
                    // Amdahl's law is about n processors: past the core count the threads only take turns.
                    points.Add((threads, speedup));
                }
            }

            fits[mode] = AmdahlFit.Fit(points);
        }

        return new CpuDemoResult(limit, Environment.ProcessorCount, repetitions, rows, fits);
    }

    private static (double MedianMs, long Result) Measure(Func<long> run, int repetitions)
    {
        long result = run();
        var times = new List<double>();
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            result = run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], result);
    }
}
