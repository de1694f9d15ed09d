namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled state of one synchronization object the test touched: what reports call it
/// (computed lazily, since naming may run user code) and whether an operation may proceed on it.
/// </summary>
internal abstract class SynchronizationResource : IBlockingResource
{
    private readonly object _target;
    private readonly int _sequence;
    private string? _name;

    protected SynchronizationResource(object target, int sequence)
    {
        _target = target;
        _sequence = sequence;
    }

    public virtual ControlledOperation? Owner => null;

    public string Name => _name ??= ResourceNames.Describe(_target, _sequence);

    public abstract bool CanProceed(ControlledOperation operation);
}
