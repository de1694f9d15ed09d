using ScheduleExplorer.Detection;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Testing;

/// <summary>What a run did: iterations, the first bug and its trace, and step statistics.</summary>
public sealed record TestReport
{
    /// <summary>The test method's full name.</summary>
    public required string Method { get; init; }

    /// <summary>The strategy's name, such as "random" or "pct(3)".</summary>
    public required string Strategy { get; init; }

    /// <summary>The run's seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Iterations run.</summary>
    public required int Iterations { get; init; }

    /// <summary>True when the strategy ran out of schedules (DFS explored every one).</summary>
    public bool Exhausted { get; init; }

    /// <summary>
    /// Whether stores could stay in store buffers (<see cref="TestConfiguration.StoreBuffering"/>); without,
    /// <see cref="Exhausted"/> covers the sequentially consistent schedules only.
    /// </summary>
    public bool StoreBuffering { get; init; }

    /// <summary>
    /// Whether a yielding operation was held back until others ran (<see cref="TestConfiguration.FairYields"/>):
    /// then <see cref="Exhausted"/> covers the fair schedules only.
    /// </summary>
    public bool FairnessHeldBack { get; init; }

    /// <summary>How a finished tree is described: which schedules "every schedule" means.</summary>
    public string ExhaustedText => (FairnessHeldBack, StoreBuffering) switch
    {
        (false, true) => "every schedule explored",
        (false, false) => "every sequentially consistent schedule explored",
        (true, true) => "every fair schedule explored",
        (true, false) => "every fair, sequentially consistent schedule explored",
    };

    /// <summary>The number of iterations that found a bug.</summary>
    public int BugsFound { get; init; }

    /// <summary>Whether a bug was found.</summary>
    public bool BugFound => Bug is not null;

    /// <summary>The verdict: a bug, no bug, or could not test (see <see cref="CouldNotTest"/>).</summary>
    public Verdict Verdict => Bug is not null ? Verdict.Bug : CouldNotTest is not null ? Verdict.CouldNotTest : Verdict.NoBug;

    /// <summary>
    /// Why the run could not test the code, when it could not: an uncontrolled API (with its site),
    /// iterations cut off by the step bound, or a hang in uncontrolled code. Null otherwise.
    /// </summary>
    public CouldNotTestReport? CouldNotTest { get; init; }

    /// <summary>The 1-based iteration of the first bug, if any.</summary>
    public int? FirstBugIteration { get; init; }

    /// <summary>The first bug.</summary>
    public BugReport? Bug { get; init; }

    /// <summary>The trace of the first bug.</summary>
    public ScheduleTrace? Trace { get; init; }

    /// <summary>Where that trace was written, if it was.</summary>
    public string? TracePath { get; init; }

    /// <summary>For a replay: why the run left the recorded schedule, if it did.</summary>
    public string? Divergence { get; init; }

    /// <summary>Scheduling steps over all iterations.</summary>
    public long TotalSteps { get; init; }

    /// <summary>Scheduling decisions that handed the baton to another operation, over all iterations.</summary>
    public long ContextSwitches { get; init; }

    /// <summary>Preemptions in the first failing schedule as the strategy found it.</summary>
    public int BugPreemptionsFound { get; init; }

    /// <summary>Preemptions in the reported (minimized) failing schedule.</summary>
    public int BugPreemptions { get; init; }

    /// <summary>The most steps one iteration took.</summary>
    public int MaxStepsInIteration { get; init; }

    /// <summary>Iterations cut off by the step bound (not bugs unless configured).</summary>
    public int StepBoundHits { get; init; }

    /// <summary>Distinct OS threads the engine used (workers are reused).</summary>
    public int WorkerThreads { get; init; }

    /// <summary>Whether <see cref="TestConfiguration.Cancellation"/> stopped the run before its last iteration.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The part of <see cref="Elapsed"/> spent minimizing the failing schedule.</summary>
    internal TimeSpan MinimizationElapsed { get; init; }

    /// <summary>How far the reported schedule's preemptions are known to be the least the bug needs; null when it was not minimized.</summary>
    internal Minimality? BugMinimality { get; init; }

    /// <summary>
    /// The "could not test" verdict of a run in which <paramref name="cutOff"/> of <paramref name="iterations"/>
    /// iterations reached the step bound <paramref name="maxSteps"/>, the first being iteration
    /// <paramref name="firstIteration"/> (1-based): what a run split over processes reports over the whole.
    /// </summary>
    public static CouldNotTestReport StepBoundVerdict(int cutOff, int iterations, int maxSteps, int? firstIteration) =>
        Detection.RuntimeBugs.StepBound(cutOff, iterations, maxSteps, firstIteration);
}
