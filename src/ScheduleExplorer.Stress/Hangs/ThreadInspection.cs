namespace ScheduleExplorer.Stress.Hangs;

/// <summary>What a look at every managed thread of a process found.</summary>
/// <param name="Threads">Threads with a frame in the workload, then other threads with managed frames.</param>
/// <param name="IdleThreads">Managed threads with nothing to show (runtime, idle pool threads).</param>
/// <param name="Cycle">A wait-for cycle among the threads, as labels ("'philosopher 0'", …), empty when none.</param>
/// <param name="Method">How the threads were captured ("ClrMD attach (ptrace)", "ClrMD snapshot (createdump)", …).</param>
/// <param name="Error">Why the threads could not be captured, or null.</param>
public sealed record ThreadInspection(
    IReadOnlyList<StuckThread> Threads,
    int IdleThreads,
    IReadOnlyList<string> Cycle,
    string Method,
    string? Error = null)
{
    /// <summary>An inspection that could not look at the threads.</summary>
    public static ThreadInspection Failed(string method, string error) => new([], 0, [], method, error);
}
