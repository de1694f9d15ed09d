namespace ScheduleExplorer.Detection;

/// <summary>Why a run could not give a verdict on the code under test.</summary>
public enum CouldNotTestCause
{
    /// <summary>The workload called a concurrency API the controlled runtime does not control.</summary>
    UncontrolledApi,

    /// <summary>Rewritten code ran on a thread the scheduler did not create.</summary>
    UncontrolledThread,

    /// <summary>Iterations were cut off by the step bound before they finished.</summary>
    StepBound,

    /// <summary>An operation hung in code the controlled runtime does not control.</summary>
    Hang,
}
