namespace ScheduleExplorer.Stress.Hangs;

/// <summary>A managed thread of a hung process: who it is, where it is, what it holds and what it waits for.</summary>
/// <param name="ManagedThreadId">The managed thread id.</param>
/// <param name="OSThreadId">The operating system's thread id.</param>
/// <param name="Name">The thread's name ("philosopher 2"), or null.</param>
/// <param name="Frames">Its managed frames, innermost first.</param>
/// <param name="Holds">The locks it holds: "Fork #0 (Monitor)".</param>
/// <param name="WaitsFor">The lock it is blocked on, or null.</param>
/// <param name="WaitsForHolder">The thread holding <paramref name="WaitsFor"/>, as <see cref="Label"/> prints it, or null.</param>
/// <param name="InWorkload">True when a frame is in the workload's own assembly.</param>
public sealed record StuckThread(
    int ManagedThreadId,
    int OSThreadId,
    string? Name,
    IReadOnlyList<StackFrameInfo> Frames,
    IReadOnlyList<string> Holds,
    string? WaitsFor,
    string? WaitsForHolder,
    bool InWorkload)
{
    /// <summary>"'philosopher 2'" for a named thread, "the main thread" for managed thread 1, "thread 7" otherwise.</summary>
    public string Label => Name is { Length: > 0 } name ? $"'{name}'" : ManagedThreadId == 1 ? "the main thread" : $"thread {ManagedThreadId}";
}
