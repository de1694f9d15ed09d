namespace ScheduleExplorer.Runtime;

/// <summary>Knobs of the controlled scheduler, fixed for a whole run.</summary>
internal sealed record SchedulerOptions
{
    /// <summary>Scheduling points per iteration before it is cut off (a livelock bound).</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>Whether reaching <see cref="MaxSteps"/> is reported as a bug (livelock).</summary>
    public bool FailOnMaxSteps { get; init; }

    /// <summary>Back-edges one operation may take without reaching a scheduling point before it is reported as spinning.</summary>
    public long MaxBackEdgesWithoutPoint { get; init; } = 50_000_000;

    /// <summary>Real time without any scheduling progress after which the watchdog reports a hang.</summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The 1-based step at which to break into an attached debugger (in the workload's thread), or -1.</summary>
    public int BreakAtStep { get; init; } = -1;

    /// <summary>What happens at <see cref="BreakAtStep"/>: by default, break into an attached debugger.</summary>
    public Action OnBreak { get; init; } = BreakIntoDebugger;

    /// <summary>
    /// Whether a timer (<c>Task.Delay</c>, a <c>Timer</c>, <c>CancelAfter</c>) may fire while other
    /// operations can still run: real work takes real time, so "the timeout fires before the result"
    /// is a schedule to explore. When false, timers fire only once every operation waits.
    /// </summary>
    public bool TimersFireEarly { get; init; } = true;

    /// <summary>Receives every step as it is recorded (an isolated run streams it to its parent), or null.</summary>
    public IScheduleSink? ScheduleSink { get; init; }

    /// <summary>The CPU every worker is pinned to, or -1 to leave workers unpinned.</summary>
    public int PinCpu { get; init; } = -1;

    /// <summary>Whether plain memory accesses are checked for data races (see <see cref="DataRaceDetector"/>).</summary>
    public bool DetectDataRaces { get; init; } = true;

    /// <summary>
    /// Whether stores to fields and statics may stay in a per-operation store buffer, so other
    /// operations' loads can see older values, as total store order allows (see <see cref="StoreBuffers"/>).
    /// </summary>
    public bool StoreBuffering { get; init; }

    /// <summary>
    /// Whether an operation that yields again before the operations enabled at its previous yield ran
    /// waits for them (see <see cref="YieldFairness"/>): spin loops stay short and never starve the others.
    /// </summary>
    public bool FairYields { get; init; }

    /// <summary>Locations whose races are accepted ("Namespace.Type.field", "T[]").</summary>
    public IReadOnlySet<string> BenignRaces { get; init; } = new HashSet<string>();

    /// <summary>
    /// Whether a data race found in an iteration with no other bug is that iteration's bug (a replay or
    /// minimization of a race); otherwise it is only noted in <see cref="IterationOutcome.Race"/>.
    /// </summary>
    public bool RaceIsBug { get; init; }

    /// <summary>More subscribers to the scheduler's <see cref="ExecutionEvents"/>, after its own (metrics, the strategy).</summary>
    public IReadOnlyList<IExecutionObserver> Observers { get; init; } = [];

    private static void BreakIntoDebugger()
    {
        if (System.Diagnostics.Debugger.IsAttached)
        {
            // Replaying a failing trace: this is its last recorded step. The call stack below is
            // the workload's own thread, stopped where the failing schedule's final step happens.
            System.Diagnostics.Debugger.Break();
        }
    }
}
