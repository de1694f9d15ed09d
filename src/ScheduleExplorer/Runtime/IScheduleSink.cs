namespace ScheduleExplorer.Runtime;

/// <summary>
/// Receives a run's schedule while it is made, one step at a time, so that a process watching from
/// outside can rebuild the trace of an iteration that ended the whole process (a stack overflow, a
/// native crash, <c>Environment.FailFast</c> in code that was not rewritten). Called on the engine
/// thread and on the one worker that runs, never concurrently.
/// </summary>
public interface IScheduleSink
{
    /// <summary>The run starts: what a trace of it names.</summary>
    void RunStarting(string assembly, Guid mvid, string method, string strategy);

    /// <summary>Iteration <paramref name="iteration"/> (0-based) of the run starts.</summary>
    void IterationStarting(int iteration);

    /// <summary>
    /// The entry starts under a fresh schedule: the steps recorded so far are no longer the current
    /// schedule (a minimization re-runs the entry several times within one iteration).
    /// </summary>
    void ScheduleStarting();

    /// <summary>Operation <paramref name="id"/> was created with <paramref name="name"/>.</summary>
    void OperationCreated(int id, string name);

    /// <summary>A step was recorded: a scheduling decision or a data choice.</summary>
    void StepRecorded(in ScheduleStep step);
}
