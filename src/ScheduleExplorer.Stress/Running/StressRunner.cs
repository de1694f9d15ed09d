using System.Diagnostics;
using System.Runtime.ExceptionServices;
using ScheduleExplorer.Stress.Hangs;

namespace ScheduleExplorer.Stress.Running;

/// <summary>
/// Runs a workload's repetitions in this process, each on a fresh background thread, and watches them:
/// when one does not finish within the watchdog's time, the threads are inspected and the run ends,
/// leaving the stuck repetition behind (its thread is a background thread, so the process can still exit;
/// threads the workload started itself are its own — run such workloads in a child process with
/// <see cref="Child.ChildProcessStressRunner"/> when they may hang).
/// </summary>
public sealed class StressRunner
{
    private readonly IThreadInspector? _inspector;
    private readonly string? _workloadAssembly;

    /// <summary>Creates a runner.</summary>
    /// <param name="inspector">Inspects the threads when the watchdog fires; null to report the hang without stacks.</param>
    /// <param name="workloadAssembly">The workload's simple assembly name, to tell its threads apart in a hang report.</param>
    public StressRunner(IThreadInspector? inspector = null, string? workloadAssembly = null)
    {
        _inspector = inspector;
        _workloadAssembly = workloadAssembly;
    }

    /// <summary>
    /// Runs <paramref name="options"/>' warm-up then measured repetitions of <paramref name="workload"/>, calling
    /// <paramref name="progress"/> after each (warm-ups have index 0).
    /// </summary>
    /// <returns>The report; <see cref="StressReport.Hang"/> is set when the watchdog fired.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public StressReport Run(IStressWorkload workload, StressOptions options, Action<RepetitionResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var report = new StressReportBuilder(workload.Name, workload.OperationsPerRepetition);
        var lastFinish = Stopwatch.StartNew();
        for (int warmup = 0; warmup < options.Warmup; warmup++)
        {
            if (!Step(workload, 0, options, report, lastFinish, progress))
            {
                return report.Build();
            }
        }

        // A duration is wall-clock time, thread starts included: a 1 µs workload must not repeat for hours.
        var measuring = Stopwatch.StartNew();
        for (int index = 1; options.WantsMore(report.Measured, measuring.Elapsed); index++)
        {
            if (!Step(workload, index, options, report, lastFinish, progress))
            {
                break;
            }
        }

        return report.Build();
    }

    /// <summary>Runs one repetition on a background thread; false when the watchdog fired.</summary>
    private bool Step(IStressWorkload workload, int index, StressOptions options, StressReportBuilder report, Stopwatch lastFinish, Action<RepetitionResult>? progress)
    {
        var repetition = new Repetition(workload);
        var thread = new Thread(repetition.Run) { IsBackground = true, Name = $"schedex stress repetition {index}" };
        thread.Start();
        TimeSpan budget = options.Watchdog - lastFinish.Elapsed;
        if (budget < TimeSpan.Zero || !repetition.Done.Wait(budget))
        {
            // Inspect before anything else moves: the stuck threads are still where they got stuck.
            ThreadInspection inspection = _inspector?.Inspect(Environment.ProcessId, _workloadAssembly)
                ?? ThreadInspection.Failed("none", "no thread inspector was configured");
            report.SetHang(new HangReport(workload.Name, index, lastFinish.Elapsed.TotalSeconds, Environment.ProcessId, inspection));
            return false;
        }

        repetition.Error?.Throw();
        var result = new RepetitionResult(index, repetition.Elapsed, repetition.Outcome!);
        report.Add(result);
        lastFinish.Restart();
        progress?.Invoke(result);
        return true;
    }

    /// <summary>One repetition's state, shared between its thread and the runner.</summary>
    private sealed class Repetition(IStressWorkload workload)
    {
        public ManualResetEventSlim Done { get; } = new(false);

        public RepetitionOutcome? Outcome { get; private set; }

        public TimeSpan Elapsed { get; private set; }

        /// <summary>An exception the workload wrapper did not turn into an outcome (bad input): rethrown on the runner's thread.</summary>
        public ExceptionDispatchInfo? Error { get; private set; }

        public void Run()
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                Outcome = workload.Run();
            }
            catch (Exception e)
            {
                Error = ExceptionDispatchInfo.Capture(e);
            }

            Elapsed = Stopwatch.GetElapsedTime(start);
            Done.Set();
        }
    }
}
