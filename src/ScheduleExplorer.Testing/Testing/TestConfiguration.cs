namespace ScheduleExplorer.Testing;

/// <summary>How a test is explored. Immutable; use <c>with</c> to derive variants.</summary>
public sealed record TestConfiguration
{
    /// <summary>The iterations of a run when none are given: the same for the library, NUnit and the CLI.</summary>
    public const int DefaultIterations = 1_000;

    /// <summary>
    /// The strategy of a run when none is given, the same for the library, NUnit and the CLI: the
    /// portfolio (random walks every fourth iteration, reads-from guided ones in between), which in the
    /// bug-finding statistics finds every bundled bug about as soon as the best single strategy.
    /// </summary>
    public const string DefaultStrategy = StrategyKind.Portfolio;

    /// <summary>Iterations (schedules) to run at most; <see cref="DefaultIterations"/> by default.</summary>
    public int Iterations { get; init; } = DefaultIterations;

    /// <summary>
    /// The 0-based number of the first iteration: a shard of a long run explores iterations
    /// [<see cref="FirstIteration"/>, <see cref="FirstIteration"/> + <see cref="Iterations"/>). Random
    /// and PCT seed each iteration from (seed, number), so shards together run the same schedules
    /// as one run (PCT's step estimate starts afresh in each shard). The learners (rff, delay bounding
    /// and so the default portfolio's rff iterations) learn only from the shard's own iterations: their
    /// shards are numbered as in one run but explore other schedules. DFS cannot be sharded this way.
    /// </summary>
    public int FirstIteration { get; init; }

    /// <summary>
    /// The distance between two explored iterations (1 by default): with stride n the run explores
    /// iterations <see cref="FirstIteration"/>, <see cref="FirstIteration"/> + n, … (<see cref="Iterations"/>
    /// of them), so n processes starting at 0 … n − 1 together explore what one run does, each near
    /// the start of the run. Only for strategies that can start at any iteration (not DFS).
    /// </summary>
    public int IterationStride { get; init; } = 1;

    /// <summary>Called after each iteration, before a failing schedule is minimized (null: not called).</summary>
    public Action<ExploredIteration>? IterationEnded { get; init; }

    /// <summary>The exploration strategy's name, one of <see cref="Strategies.StrategyRegistry"/> (see <see cref="StrategyKind"/>); <see cref="DefaultStrategy"/> by default.</summary>
    public string Strategy { get; init; } = DefaultStrategy;

    /// <summary>
    /// The strategy's bound, or null for its default: the depth for PCT (default 10: a five-philosopher
    /// deadlock needs four preemptions, and more change points find it sooner — see the bug-finding
    /// statistics), b for probabilistic (switch with probability 1/2^b, default 2), the most delays for
    /// delay bounding (default 2); unused by the others.
    /// </summary>
    public int? StrategyBound { get; init; }

    /// <summary>The seed: the same seed gives the same schedules and the same traces, byte for byte.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// Scheduling points per iteration before it is cut off. The default (1,000,000) lets realistic
    /// loops finish: 2 threads × 10,000 increments of a shared counter take about 40,000 steps. The
    /// schedule of one iteration is recorded as it runs (32 bytes a step, so at most 32 MB at the
    /// bound, reused from one iteration to the next). A cut-off iteration makes the verdict
    /// <see cref="Verdict.CouldNotTest"/> unless <see cref="FailOnMaxSteps"/> reports it as a livelock.
    /// </summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>Whether reaching <see cref="MaxSteps"/> is reported as a livelock bug (instead of "could not test").</summary>
    public bool FailOnMaxSteps { get; init; }

    /// <summary>A budget for the whole run; exploration stops when it is spent. Null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Real time without scheduling progress after which the watchdog ends the run with "could not
    /// test": the stuck operation hangs in code the runtime does not control (5 s by default).
    /// </summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether to pin every worker to one CPU (Linux only). Off by default: measured slower here (see the benchmarks).</summary>
    public bool PinWorkers { get; init; }

    /// <summary>Whether field and array accesses are scheduling points (rewriting option).</summary>
    public bool MemoryAccessPoints { get; init; } = true;

    /// <summary>
    /// Whether plain field and array accesses are checked for data races: two operations about to access
    /// one location at once, at least one writing. A race is reported (as <see cref="Detection.BugKind.DataRace"/>)
    /// only when the run finds no other bug. Needs <see cref="MemoryAccessPoints"/>.
    /// </summary>
    public bool DetectDataRaces { get; init; } = true;

    /// <summary>
    /// Whether stores to fields and statics, plain or <c>volatile</c>, may stay in a per-operation store
    /// buffer (total store order, which the .NET memory model allows): another operation's load can then
    /// see the older value, as a Dekker or Peterson lock on <c>volatile</c> flags does on real x64 machines.
    /// Flushed at locks, <c>Interlocked</c>, <c>Thread.MemoryBarrier</c>, <c>Volatile</c> calls and every
    /// other synchronization. On by default (the cost per iteration is small, and code that needs a fence
    /// on x64 is buggy there); off explores sequentially consistent schedules only.
    /// </summary>
    public bool StoreBuffering { get; init; } = true;

    /// <summary>
    /// Whether an operation that yields (<c>Thread.Yield</c>, <c>Thread.Sleep(0)</c>) a second time
    /// while an operation enabled at its first yield has not run yet waits for that one (strong
    /// fairness, as in CHESS): a spin loop takes a few steps per schedule instead of thousands, so
    /// depth-first search and PCT reach the schedules where it matters. On by default; when it held an
    /// operation back, a finished tree is "every fair schedule explored".
    /// </summary>
    public bool FairYields { get; init; } = true;

    /// <summary>Locations whose races are known and accepted: "Namespace.Type.field", or "T[]" for every element of arrays of T.</summary>
    public IReadOnlyList<string> BenignRaces { get; init; } = [];

    /// <summary>Where to write the trace of a bug; null to keep it in memory only.</summary>
    public string? TracesDirectory { get; init; }

    /// <summary>Whether to stop at the first bug (otherwise bugs are counted and the first is kept).</summary>
    public bool StopAtFirstBug { get; init; } = true;

    /// <summary>Whether to shrink a failing schedule to fewer preemptions before reporting it.</summary>
    public bool MinimizeSchedules { get; init; } = true;

    /// <summary>What minimizing one failing schedule may cost; null for <see cref="MinimizationBudget.Default"/>.</summary>
    internal MinimizationBudget? MinimizationBudget { get; init; }

    /// <summary>Iterations between progress log lines (progress is also logged every 5 s).</summary>
    public int ProgressInterval { get; init; } = 1_000;

    /// <summary>
    /// Receives the schedule while it is made, step by step (null: none). A process that runs the
    /// exploration in a child streams it this way, so a crash of the child still leaves a trace.
    /// </summary>
    public Runtime.IScheduleSink? ScheduleSink { get; init; }

    /// <summary>
    /// Stops exploring at the next iteration boundary when cancelled (Ctrl-C): the report holds the
    /// iterations done so far and <see cref="TestReport.Interrupted"/> is set.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Opened in the test's main flow at the start of every iteration (and of every re-run while
    /// minimizing or replaying) and disposed when it ends: a test framework integration keeps what a
    /// single iteration records — NUnit's assertion results — out of the next one. Null: no scope.
    /// </summary>
    public Func<IDisposable>? IterationScope { get; init; }

    /// <summary>Validates the configuration; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentException">No strategy has the name <see cref="Strategy"/>.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSteps, 1, nameof(MaxSteps));
        if (StrategyBound is { } bound)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1, nameof(StrategyBound));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(FirstIteration, nameof(FirstIteration));
        ArgumentOutOfRangeException.ThrowIfLessThan(IterationStride, 1, nameof(IterationStride));
        var strategy = Strategies.StrategyRegistry.Find(Strategy) ?? throw new ArgumentException(Strategies.StrategyRegistry.UnknownMessage(Strategy), nameof(Strategy));
        if ((FirstIteration > 0 || IterationStride > 1) && !strategy.Shardable)
        {
            throw new ArgumentOutOfRangeException(FirstIteration > 0 ? nameof(FirstIteration) : nameof(IterationStride), FirstIteration > 0 ? FirstIteration : IterationStride, $"{strategy.Name.ToUpperInvariant()} explores one tree in order and cannot start at a later iteration (shard random or pct runs instead).");
        }

        if (HangTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HangTimeout), HangTimeout, "The hang timeout must be positive.");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "The timeout must be positive.");
        }
    }
}
