namespace ScheduleExplorer.Runtime;

/// <summary>What a join waits for: another operation's completion.</summary>
internal sealed class CompletionResource : IBlockingResource
{
    public CompletionResource(ControlledOperation target) => Owner = target;

    public ControlledOperation Owner { get; }

    ControlledOperation? IBlockingResource.Owner => Owner;

    public string Name => $"the end of '{Owner.Name}'";

    public bool CanProceed(ControlledOperation operation) => Owner.Status == OperationStatus.Completed;
}
