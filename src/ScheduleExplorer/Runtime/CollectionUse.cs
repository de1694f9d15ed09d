namespace ScheduleExplorer.Runtime;

/// <summary>
/// One call on a non-thread-safe collection, in progress: begun by <paramref name="Operation"/> at
/// its scheduling point number <paramref name="Step"/>, and still running until that operation
/// reaches its next scheduling point (the real call, which has none, runs in between).
/// </summary>
/// <param name="Operation">The caller.</param>
/// <param name="Step">The caller's <see cref="ControlledOperation.Steps"/> once paused at the call's point.</param>
/// <param name="IsWrite">Whether the call modifies the collection.</param>
/// <param name="Member">The member called ("Add", "get_Item").</param>
/// <param name="Site">The call site ("File.cs:42").</param>
internal readonly record struct CollectionUse(ControlledOperation Operation, int Step, bool IsWrite, string Member, string Site)
{
    /// <summary>Whether the caller is still inside the call: it has not reached another scheduling point nor completed.</summary>
    public bool IsInProgress => Operation.Steps == Step && Operation.Status != OperationStatus.Completed;
}
