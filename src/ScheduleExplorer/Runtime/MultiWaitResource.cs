namespace ScheduleExplorer.Runtime;

/// <summary>
/// What <see cref="WaitHandle.WaitAll(WaitHandle[])"/> or <see cref="WaitHandle.WaitAny(WaitHandle[])"/>
/// blocks on: every one (or any one) of the handles' resources being available.
/// </summary>
internal sealed class MultiWaitResource : IBlockingResource
{
    private readonly IBlockingResource[] _parts;
    private readonly bool _all;

    public MultiWaitResource(IBlockingResource[] parts, bool all)
    {
        _parts = parts;
        _all = all;
    }

    public ControlledOperation? Owner => null;

    public string Name => (_all ? "all of " : "any of ") + string.Join(", ", _parts.Select(p => p.Name));

    public bool CanProceed(ControlledOperation operation) =>
        _all ? Array.TrueForAll(_parts, p => p.CanProceed(operation)) : Array.Exists(_parts, p => p.CanProceed(operation));

    /// <summary>The lowest index whose resource is available, or -1.</summary>
    public int FirstAvailable(ControlledOperation operation) => Array.FindIndex(_parts, p => p.CanProceed(operation));
}
