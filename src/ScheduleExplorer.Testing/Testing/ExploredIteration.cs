namespace ScheduleExplorer.Testing;

/// <summary>
/// One explored iteration as <see cref="TestConfiguration.IterationEnded"/> reports it, before any
/// minimizing: what a process running part of an exploration tells the process that adds the parts up.
/// </summary>
/// <param name="Iteration">The 0-based iteration number.</param>
/// <param name="Steps">Its scheduling steps.</param>
/// <param name="StepBoundReached">Whether the step bound cut it off.</param>
/// <param name="EndsRun">Whether it ends the run: a bug, or a reason the run could not test the code.</param>
/// <param name="NotesRace">
/// Whether it is the first iteration of this process to see a data race with nothing failing: the run's
/// bug only if no iteration of the whole run ends it (a failure outranks a race).
/// </param>
public readonly record struct ExploredIteration(int Iteration, int Steps, bool StepBoundReached, bool EndsRun, bool NotesRace = false);
