namespace ScheduleExplorer.Stress.Running;

/// <summary>How long a real run goes on and when its watchdog fires.</summary>
public sealed record StressOptions
{
    /// <summary>Repetitions when neither a count nor a duration is given.</summary>
    public const int DefaultRepetitions = 10;

    /// <summary>The watchdog's default silence, in seconds.</summary>
    public const double DefaultWatchdogSeconds = 30;

    /// <summary>Measured repetitions to run (ignored when <see cref="Duration"/> is set).</summary>
    public int Repetitions { get; init; } = DefaultRepetitions;

    /// <summary>When set, repeat until this much time has passed (at least one repetition) instead of a count.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Unmeasured repetitions first (JIT, caches); their outcome still counts if the invariant breaks.</summary>
    public int Warmup { get; init; }

    /// <summary>The run is declared hung when no repetition finished for this long.</summary>
    public TimeSpan Watchdog { get; init; } = TimeSpan.FromSeconds(DefaultWatchdogSeconds);

    /// <summary>Stops the run after the repetition that is running (Ctrl-C): the report holds those finished so far.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Repetitions, nameof(Repetitions));
        ArgumentOutOfRangeException.ThrowIfNegative(Warmup, nameof(Warmup));
        if (Duration is { } duration && duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), duration, "The duration must be positive.");
        }

        if (Watchdog <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Watchdog), Watchdog, "The watchdog must be positive.");
        }
    }

    /// <summary>Whether another measured repetition should start, after <paramref name="done"/> of them in <paramref name="elapsed"/> of wall-clock time.</summary>
    public bool WantsMore(int done, TimeSpan elapsed) => Duration is { } duration ? done == 0 || elapsed < duration : done < Repetitions;
}
