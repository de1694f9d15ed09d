namespace ScheduleExplorer.Detection;

/// <summary>The kinds of bug the engine reports.</summary>
public enum BugKind
{
    /// <summary>An operation threw an exception nobody caught.</summary>
    UnhandledException,

    /// <summary>An assertion failed: <c>Debug.Assert</c>, <c>Trace.Assert</c> or a test framework assertion.</summary>
    AssertionFailure,

    /// <summary>Nothing can run and something is blocked.</summary>
    Deadlock,

    /// <summary>The step bound was reached, and the configuration treats that as a bug.</summary>
    Livelock,

    /// <summary>An operation stopped reaching scheduling points: an uncontrolled blocking call or a spin.</summary>
    Hang,

    /// <summary>The workload used concurrency the controlled runtime does not control.</summary>
    UncontrolledConcurrency,

    /// <summary>
    /// Two operations used one instance of a collection that is not thread-safe (<c>List&lt;T&gt;</c>,
    /// <c>Dictionary&lt;TKey, TValue&gt;</c>, <c>StringBuilder</c>, …) at the same time, at least one writing.
    /// </summary>
    ConcurrentCollectionUse,

    /// <summary>
    /// The workload ended the process that explored it (a stack overflow, a native crash, a fatal
    /// error, an exception on a thread the scheduler does not control): found by an isolated run,
    /// which explores in a child process and rebuilds the trace from the schedule it streamed.
    /// </summary>
    ProcessCrash,

    /// <summary>
    /// Two operations accessed one memory location (a field of one object, one array element, a static
    /// field) with nothing ordering the accesses, at least one writing: they were both about to access it
    /// at once. Reported only when the exploration found no other bug, since a failure says more.
    /// </summary>
    DataRace,
}
