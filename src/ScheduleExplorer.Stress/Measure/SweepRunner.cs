using ScheduleExplorer.Stress.Child;
using ScheduleExplorer.Stress.Running;

namespace ScheduleExplorer.Stress.Measure;

/// <summary>
/// Measures every counter fix and philosopher fix of ScheduleExplorer.Workloads at real sizes and several
/// thread counts, each (case, threads) cell in a child process of its own with one warm-up repetition, with
/// the hardware references measured in the same run.
/// </summary>
public sealed class SweepRunner
{
    private readonly ChildProcessStressRunner _runner;

    /// <summary>Creates a sweep over the child-process runner <paramref name="runner"/>.</summary>
    public SweepRunner(ChildProcessStressRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>The bundled workloads assembly (referenced by this one, so it sits next to it).</summary>
    public static string DefaultWorkloadsPath => typeof(Workloads.LostUpdate).Assembly.Location;

    /// <summary>Runs the sweep.</summary>
    /// <param name="workloadsPath">The workloads assembly.</param>
    /// <param name="maxThreads">Counters run at 1…maxThreads threads; philosophers at 2…max(maxThreads, 5).</param>
    /// <param name="increments">Increments per thread.</param>
    /// <param name="meals">Meals per philosopher.</param>
    /// <param name="options">Repetitions and watchdog per cell (one warm-up is always added).</param>
    /// <param name="log">Told which cell starts, for progress output.</param>
    public SweepResult Run(string workloadsPath, int maxThreads, int increments, int meals, StressOptions options, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxThreads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(increments);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meals);
        ArgumentNullException.ThrowIfNull(options);
        StressOptions measured = options with { Warmup = 1, Duration = null };
        var cells = new List<SweepCell>();
        foreach (SweepCase @case in SweepPlan.CounterCases)
        {
            foreach (int threads in @case.SingleThreadOnly ? [1] : SweepPlan.CounterThreads(maxThreads))
            {
                cells.Add(Measure(workloadsPath, @case, threads, increments, measured, log));
            }
        }

        foreach (SweepCase @case in SweepPlan.PhilosopherCases)
        {
            foreach (int philosophers in SweepPlan.PhilosopherCounts(maxThreads))
            {
                cells.Add(Measure(workloadsPath, @case, philosophers, meals, measured, log));
            }
        }

        return new SweepResult(Environment.ProcessorCount, increments, meals, options.Repetitions, cells);
    }

    private SweepCell Measure(string workloadsPath, SweepCase @case, int threads, int size, StressOptions options, Action<string>? log)
    {
        log?.Invoke($"measuring {@case.Label} at {threads} thread(s)…");
        StressReport report = _runner.Run(workloadsPath, @case.Method, threads, size, options);
        long operations = report.OperationsPerRepetition ?? (long)threads * size;
        double median = report.Latency.P50Ms;
        string? problem = report.Hang is not null ? $"hung (watchdog {report.Hang.SilenceSeconds:0.#} s)" : report.Crash;
        return new SweepCell(@case.Family, @case.Label, @case.Method, @case.Kind, threads, operations, report.Repetitions, report.Broken,
            report.LostUpdates, median, median > 0 ? operations / (median / 1e3) : 0, problem);
    }
}
