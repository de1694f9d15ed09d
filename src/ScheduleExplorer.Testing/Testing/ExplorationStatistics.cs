using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Testing;

/// <summary>Accumulates what the iterations of one run did.</summary>
internal sealed class ExplorationStatistics
{
    public int Iterations { get; private set; }

    public int BugsFound { get; private set; }

    public int? FirstBugIteration { get; private set; }

    public BugReport? Bug { get; private set; }

    public Traces.ScheduleTrace? FirstBugTrace { get; set; }

    /// <summary>Preemptions in the first failing schedule as found, and as reported after minimizing.</summary>
    public (int Found, int Reported) FirstBugPreemptions { get; set; }

    /// <summary>Time spent minimizing the first failing schedule, and what it showed.</summary>
    public (TimeSpan Elapsed, Minimality? Minimality) Minimization { get; set; }

    public string? Divergence { get; private set; }

    public long TotalSteps { get; private set; }

    public int MaxSteps { get; private set; }

    public long ContextSwitches { get; private set; }

    public int StepBoundHits { get; private set; }

    /// <summary>The 1-based iteration of the first step-bound cut-off, if any.</summary>
    public int? FirstStepBoundIteration { get; private set; }

    /// <summary>The first bug as its minimized schedule shows it (same kind; the details may differ).</summary>
    public void ReplaceFirstBug(BugReport bug) => Bug = bug;

    /// <summary>A race noted in <paramref name="iteration"/> becomes the run's bug: nothing else failed.</summary>
    public void AddRace(int iteration, BugReport race)
    {
        BugsFound++;
        Bug = race;
        FirstBugIteration = iteration + 1;
    }

    public void Add(int iteration, IterationOutcome outcome, string? divergence)
    {
        Iterations++;
        TotalSteps += outcome.Steps;
        ContextSwitches += outcome.ContextSwitches;
        MaxSteps = Math.Max(MaxSteps, outcome.Steps);
        if (outcome.StepBoundReached)
        {
            StepBoundHits++;
            FirstStepBoundIteration ??= iteration + 1;
        }

        Divergence ??= divergence;
        if (outcome.Bug is { } bug)
        {
            BugsFound++;
            if (Bug is null)
            {
                Bug = bug;
                FirstBugIteration = iteration + 1;
            }
        }
    }
}
