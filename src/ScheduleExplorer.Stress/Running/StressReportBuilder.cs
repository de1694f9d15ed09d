using System.Diagnostics;
using ScheduleExplorer.Stress.Hangs;

namespace ScheduleExplorer.Stress.Running;

/// <summary>Collects repetition results (in-process or from a child process) into a <see cref="StressReport"/>.</summary>
internal sealed class StressReportBuilder
{
    private const int MaxDistinctFailures = 5;

    private readonly string _workload;
    private readonly long? _operations;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly List<TimeSpan> _durations = [];
    private readonly List<string> _failures = [];
    private int _warmups;
    private int _broken;
    private long _lost;
    private long _maxLost;
    private long? _expected;
    private HangReport? _hang;
    private bool _interrupted;
    private string? _crash;

    public StressReportBuilder(string workload, long? operationsPerRepetition)
    {
        _workload = workload;
        _operations = operationsPerRepetition;
    }

    /// <summary>Measured repetitions so far.</summary>
    public int Measured => _durations.Count;

    /// <summary>Sum of the measured durations so far.</summary>
    public TimeSpan MeasuredTime { get; private set; }

    /// <summary>Records a finished repetition (index 0 is a warm-up).</summary>
    public void Add(RepetitionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RepetitionOutcome outcome = result.Outcome;
        if (result.Index == 0)
        {
            _warmups++;
        }
        else
        {
            _durations.Add(result.Elapsed);
            MeasuredTime += result.Elapsed;
        }

        _expected ??= outcome.Expected;
        _lost += outcome.Lost;
        _maxLost = Math.Max(_maxLost, outcome.Lost);
        if (outcome.Broken)
        {
            _broken++;
            string failure = outcome.Failure ?? "the invariant broke";
            if (_failures.Count < MaxDistinctFailures && !_failures.Contains(failure))
            {
                _failures.Add(failure);
            }
        }
    }

    public void SetHang(HangReport hang) => _hang = hang;

    public void SetCrash(string crash) => _crash = crash;

    public void SetInterrupted() => _interrupted = true;

    public StressReport Build() => new()
    {
        Workload = _workload,
        Repetitions = _durations.Count,
        WarmupRepetitions = _warmups,
        Broken = _broken,
        Failures = [.. _failures],
        OperationsPerRepetition = _operations,
        ExpectedPerRepetition = _expected,
        LostUpdates = _lost,
        MaxLostInRepetition = _maxLost,
        MeasuredSeconds = MeasuredTime.TotalSeconds,
        WallSeconds = _wall.Elapsed.TotalSeconds,
        Latency = LatencySummary.Of(_durations),
        Hang = _hang,
        Crash = _crash,
        Interrupted = _interrupted,
    };
}
