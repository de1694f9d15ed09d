namespace ScheduleExplorer.Runtime;

/// <summary>Lifecycle of a controlled operation.</summary>
internal enum OperationStatus
{
    /// <summary>Created and runnable, but it has not run yet (no worker assigned).</summary>
    NotStarted,

    /// <summary>Runnable.</summary>
    Enabled,

    /// <summary>Paused until its resource allows it to proceed or its virtual deadline passes.</summary>
    Blocked,

    /// <summary>Finished (normally, with an exception, or cancelled).</summary>
    Completed,
}
