using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Testing;

/// <summary>A failing schedule as the minimizer leaves it, how sure it is that no fewer preemptions would do, and what it cost.</summary>
internal sealed record MinimizedSchedule(IterationOutcome Outcome, Minimality Minimality, int Runs);
