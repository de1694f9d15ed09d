using ScheduleExplorer.Stress.Hangs;

namespace ScheduleExplorer.Stress.Running;

/// <summary>The result of a real run: how often the invariant broke, lost updates, throughput, latency, and a hang if any.</summary>
public sealed record StressReport
{
    /// <summary>The workload's name, with its sizes.</summary>
    public required string Workload { get; init; }

    /// <summary>Measured repetitions that finished.</summary>
    public required int Repetitions { get; init; }

    /// <summary>Warm-up repetitions that finished.</summary>
    public int WarmupRepetitions { get; init; }

    /// <summary>Repetitions (warm-up included) whose invariant broke.</summary>
    public required int Broken { get; init; }

    /// <summary>Up to five distinct failure messages, in order of first appearance.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Operations one repetition performs, when known (threads × size).</summary>
    public long? OperationsPerRepetition { get; init; }

    /// <summary>For counted workloads: the total each repetition should reach.</summary>
    public long? ExpectedPerRepetition { get; init; }

    /// <summary>For counted workloads: updates lost over all repetitions.</summary>
    public long LostUpdates { get; init; }

    /// <summary>For counted workloads: the most updates lost in one repetition.</summary>
    public long MaxLostInRepetition { get; init; }

    /// <summary>Sum of the measured repetitions' durations, in seconds.</summary>
    public required double MeasuredSeconds { get; init; }

    /// <summary>The whole run's wall-clock time (process start and warm-up included), in seconds.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Measured repetitions per second.</summary>
    public double RepetitionsPerSecond => MeasuredSeconds > 0 ? Repetitions / MeasuredSeconds : 0;

    /// <summary>Operations per second over the measured repetitions, when the operation count is known.</summary>
    public double? OperationsPerSecond => OperationsPerRepetition is { } operations && MeasuredSeconds > 0
        ? operations * (double)Repetitions / MeasuredSeconds
        : null;

    /// <summary>Durations of the measured repetitions.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Set when the watchdog fired: where the threads were stuck.</summary>
    public HangReport? Hang { get; init; }

    /// <summary>Set when the workload's process died (an unhandled exception on a workload thread, say).</summary>
    public string? Crash { get; init; }

    /// <summary>True when every repetition held: nothing broke, nothing hung, nothing crashed.</summary>
    public bool Held => Broken == 0 && Hang is null && Crash is null;

    /// <summary>Whether the run was stopped (<see cref="StressOptions.Cancellation"/>) before its last repetition.</summary>
    public bool Interrupted { get; init; }
}
