using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// What deadlock analysis needs of the operations, as plain data: who is blocked, on what, held by
/// whom, where. Reads resource names, which may call user <c>ToString</c>: built with control suspended.
/// </summary>
internal static class WaitForSnapshot
{
    /// <summary>The blocked operations of <paramref name="operations"/>, in their order.</summary>
    public static List<BlockedOperation> Blocked(IReadOnlyList<ControlledOperation> operations) =>
        [.. operations.Where(o => o.Status == OperationStatus.Blocked).Select(Of)];

    /// <summary>The continuations posted to a context that never ran them.</summary>
    public static List<StrandedContinuation> Stranded(IReadOnlyList<PostedContinuation> posted) =>
        [.. posted.Where(p => !p.Ran).Select(p => new StrandedContinuation(p.Flow, p.Site, p.ContextName))];

    private static BlockedOperation Of(ControlledOperation operation)
    {
        var resource = operation.BlockedOn;
        var owner = resource?.Owner;

        // Who completes a task is its owner for the cycle, but does not "hold" it.
        string? heldBy = owner is not null && !ReferenceEquals(owner, operation) && resource is not CompletionResource ? owner.Name : null;
        string verb = operation.AwaitingPulse ? "waits for a pulse on" : operation.BlockKind == SchedulingPointKind.Await ? "awaits" : "waits for";
        return new BlockedOperation(
            operation.Id,
            operation.Name,
            [.. operation.Held.Select(r => r.Name)],
            resource?.Name,
            verb,
            owner?.Id,
            heldBy,
            operation.BlockKind.ToString(),
            operation.BlockSite);
    }
}
