namespace ScheduleExplorer.Runtime;

/// <summary>
/// The blocking of a <see cref="System.Collections.Concurrent.BlockingCollection{T}"/> under control.
/// The items stay in the real collection (every real call made under control is a non-blocking
/// try); what is modelled is who waits: a taker until an item is there or adding is complete, an
/// adder to a bounded collection until there is room.
/// </summary>
internal sealed class BlockingCollectionResource : SynchronizationResource
{
    private readonly Func<int> _count;
    private readonly Func<bool> _addingCompleted;
    private readonly int _capacity;
    private readonly Dictionary<ControlledOperation, bool> _takers = [];

    public BlockingCollectionResource(object target, int sequence, Func<int> count, Func<bool> addingCompleted, int capacity)
        : base(target, sequence)
    {
        _count = count;
        _addingCompleted = addingCompleted;
        _capacity = capacity;
    }

    public bool CanAdd => _addingCompleted() || _count() < _capacity;

    public bool CanTake => _addingCompleted() || _count() > 0;

    /// <summary>Marks <paramref name="operation"/> as waiting to take (true) or to add (false).</summary>
    public void BeginWait(ControlledOperation operation, bool take) => _takers[operation] = take;

    public void EndWait(ControlledOperation operation) => _takers.Remove(operation);

    public override bool CanProceed(ControlledOperation operation) =>
        !_takers.TryGetValue(operation, out bool take) || (take ? CanTake : CanAdd);
}
