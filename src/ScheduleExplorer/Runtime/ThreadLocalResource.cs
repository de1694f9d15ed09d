namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled values of a <see cref="ThreadLocal{T}"/>: one slot per operation, fresh in every
/// iteration (workers are reused, so the real per-thread slots would leak from one operation into
/// the next). Nothing ever waits on it.
/// </summary>
internal sealed class ThreadLocalResource : SynchronizationResource
{
    private readonly Dictionary<ControlledOperation, object?> _values = [];
    private readonly List<ControlledOperation> _order = [];

    public ThreadLocalResource(object target, int sequence)
        : base(target, sequence)
    {
    }

    /// <summary>Operations running the value factory (a factory that reads the value again is an error).</summary>
    public HashSet<ControlledOperation> Creating { get; } = [];

    /// <summary>The values in the order their operations first set them.</summary>
    public IEnumerable<object?> Values => _order.Select(o => _values[o]);

    public bool TryGet(ControlledOperation operation, out object? value) => _values.TryGetValue(operation, out value);

    public void Set(ControlledOperation operation, object? value)
    {
        if (!_values.ContainsKey(operation))
        {
            _order.Add(operation);
        }

        _values[operation] = value;
    }

    public override bool CanProceed(ControlledOperation operation) => true;
}
