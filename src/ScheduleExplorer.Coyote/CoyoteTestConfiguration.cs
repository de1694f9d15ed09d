namespace ScheduleExplorer.Coyote;

/// <summary>
/// What a Coyote run explores: the same fields as ScheduleExplorer's <c>TestConfiguration</c>
/// (iterations, strategy and its bound, seed, max steps, timeout, traces folder), plus Coyote's
/// opt-in race checking at plain memory accesses.
/// </summary>
public sealed record CoyoteTestConfiguration
{
    /// <summary>Iterations (schedules) to explore at most; the run stops at the first bug.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>The exploration strategy.</summary>
    public CoyoteStrategy Strategy { get; init; } = CoyoteStrategy.Random;

    /// <summary>The strategy's bound: priority changes for prioritization, the probability level for probabilistic.</summary>
    public int StrategyBound { get; init; } = 10;

    /// <summary>Seed of Coyote's random value generator (Coyote seeds are 32-bit).</summary>
    public uint Seed { get; init; }

    /// <summary>Scheduling steps per iteration before Coyote cuts it off (Coyote's unfair bound; its fair bound is ten times this). Null keeps Coyote's default (10,000).</summary>
    public int? MaxSteps { get; init; }

    /// <summary>Time budget of the run, checked between iterations; null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Whether plain field and array accesses are scheduling points
    /// (<c>WithMemoryAccessRaceCheckingEnabled</c>, <c>--enable-memory-access-races</c>). Off by
    /// default, as in Coyote: without it a <c>counter += 1</c> race between threads is not explored.
    /// </summary>
    public bool MemoryAccessRaces { get; init; }

    /// <summary>Folder the reproducible trace of a bug is written to; null writes none.</summary>
    public string? TracesDirectory { get; init; }

    /// <summary>Throws when a field is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(StrategyBound, 1, nameof(StrategyBound));
        if (MaxSteps is { } steps)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1, nameof(MaxSteps));
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "The timeout must be positive.");
        }

        if (!Enum.IsDefined(Strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(Strategy), Strategy, "Unknown Coyote strategy.");
        }
    }
}
