namespace ScheduleExplorer.Detection;

/// <summary>The reports of bugs the runtime itself detects (as opposed to exceptions and deadlocks).</summary>
internal static class RuntimeBugs
{
    public static BugReport Spin(string operation, long backEdges, string? site) => new(
        BugKind.Hang,
        $"'{operation}' spins without reaching a scheduling point ({backEdges:N0} loop iterations{(site is null ? string.Empty : $" at {site}")}).",
        "The loop touches no shared field, lock or other controlled primitive, so no other operation can ever run: add a Thread.Yield() or make the loop observe shared state.",
        operation);

    public static BugReport Livelock(int maxSteps, string operation, IEnumerable<string> running) => new(
        BugKind.Livelock,
        $"The iteration reached the bound of {maxSteps:N0} scheduling steps without finishing (a livelock, or a bound too small for this test).",
        $"Operations still running: {string.Join(", ", running.Select(name => $"'{name}'"))}.",
        operation);

    public static BugReport Hang(string? operation, TimeSpan timeout) => new(
        BugKind.Hang,
        $"'{operation}' made no progress for {timeout.TotalSeconds:0.#} s: it is blocked in a call the controlled runtime does not control, or it loops without reaching a scheduling point.",
        "Make sure the code under test (and what it calls) is rewritten, and that it uses only controlled primitives (Thread, lock/Monitor, Lock, SemaphoreSlim, events, Interlocked, Volatile).",
        operation);

    public static BugReport UncontrolledThread(string description) => new(
        BugKind.UncontrolledConcurrency,
        $"Uncontrolled concurrency: {description}.",
        "Threads must be started by rewritten code (new Thread(...).Start()) so the scheduler controls them; rewrite the assembly that starts this thread, or avoid the thread pool, timers and tasks in code under test.",
        operation: null);
}
