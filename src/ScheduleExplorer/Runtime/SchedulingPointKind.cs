namespace ScheduleExplorer.Runtime;

/// <summary>
/// The typed vocabulary of scheduling points: what an operation was doing when the scheduler chose
/// who runs next. Every trace step carries one, so a replay can say exactly where it diverged.
/// </summary>
public enum SchedulingPointKind
{
    /// <summary>The first step of a new operation (the test's main flow or a started thread).</summary>
    Start,

    /// <summary>A thread was created and started (the parent continues or yields).</summary>
    Create,

    /// <summary>A join on another operation.</summary>
    Join,

    /// <summary>An explicit yield (<c>Thread.Yield</c>, <c>Thread.Sleep(0)</c>, <c>Thread.SpinWait</c>).</summary>
    Yield,

    /// <summary>An acquire of a monitor, lock, semaphore or event.</summary>
    Acquire,

    /// <summary>A release of a monitor, lock or semaphore, or an event being set.</summary>
    Release,

    /// <summary>A condition wait (<c>Monitor.Wait</c>).</summary>
    Wait,

    /// <summary>A condition signal (<c>Monitor.Pulse</c>, <c>Monitor.PulseAll</c>).</summary>
    Pulse,

    /// <summary>A read of a shared field or array element.</summary>
    Read,

    /// <summary>A write of a shared field or array element.</summary>
    Write,

    /// <summary>An atomic read-modify-write (<c>Interlocked</c>) or a <c>Volatile</c> access.</summary>
    Interlocked,

    /// <summary>A sleep or timed wait on the virtual clock.</summary>
    Delay,

    /// <summary>An operation completed.</summary>
    Complete,

    /// <summary>A random boolean was chosen (a data choice, not an operation).</summary>
    RandomBoolean,

    /// <summary>A random integer was chosen (a data choice, not an operation).</summary>
    RandomInteger,

    /// <summary>An await of a task or awaitable that had not completed (the flow continues when it does).</summary>
    Await,

    /// <summary>
    /// Whether a load sees the value from before another operation's store that is still in its
    /// store buffer (a data choice: 1 sees the old value; see <c>SchedulerOptions.StoreBuffering</c>).
    /// </summary>
    StaleRead,
}
