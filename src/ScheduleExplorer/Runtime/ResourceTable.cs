namespace ScheduleExplorer.Runtime;

/// <summary>
/// Per-iteration controlled state of the synchronization objects the test touched, keyed by object
/// identity. Cleared at the start of every iteration, so iterations never leak state into each other
/// and the real objects are never mutated under control.
/// </summary>
internal sealed class ResourceTable
{
    private readonly Dictionary<object, IBlockingResource> _byTarget = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Thread, ControlledOperation> _threads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Thread, int> _threadIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ControlledOperation, CompletionResource> _completions = new(ReferenceEqualityComparer.Instance);
    private int _sequence;
    private int _managedThreadIds = 1;

    public void Clear()
    {
        _byTarget.Clear();
        _threads.Clear();
        _completions.Clear();
        _threadIds.Clear();
        _sequence = 0;
        _managedThreadIds = 1;
    }

    public MonitorResource Monitor(object target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_byTarget.TryGetValue(target, out var existing))
        {
            return existing as MonitorResource
                ?? throw new InvalidOperationException($"{target.GetType().Name} is used both as a monitor and as {existing.GetType().Name}.");
        }

        var created = new MonitorResource(target, ++_sequence);
        _byTarget.Add(target, created);
        return created;
    }

    public SemaphoreResource Semaphore(SemaphoreSlim target, int? initialCount = null, int maximum = int.MaxValue)
    {
        if (_byTarget.TryGetValue(target, out var existing) && existing is SemaphoreResource semaphore)
        {
            return semaphore;
        }

        var created = new SemaphoreResource(target, ++_sequence, initialCount ?? target.CurrentCount, maximum);
        _byTarget[target] = created;
        return created;
    }

    public EventResource Event(object target, Func<object, bool> initialState, bool autoReset)
    {
        if (_byTarget.TryGetValue(target, out var existing) && existing is EventResource resource)
        {
            return resource;
        }

        var created = new EventResource(target, ++_sequence, initialState(target), autoReset);
        _byTarget[target] = created;
        return created;
    }

    /// <summary>The resource of type <typeparamref name="T"/> for <paramref name="target"/>, created on first use.</summary>
    public T GetOrAdd<T>(object target, Func<object, int, T> create)
        where T : class, IBlockingResource
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_byTarget.TryGetValue(target, out var existing))
        {
            return existing as T
                ?? throw new InvalidOperationException($"{target.GetType().Name} is used both as {typeof(T).Name} and as {existing.GetType().Name}.");
        }

        var created = create(target, ++_sequence);
        _byTarget.Add(target, created);
        return created;
    }

    /// <summary>Replaces the resource of <paramref name="target"/> (a primitive created under control starts fresh).</summary>
    public T Register<T>(object target, Func<object, int, T> create)
        where T : class, IBlockingResource
    {
        var created = create(target, ++_sequence);
        _byTarget[target] = created;
        return created;
    }

    /// <summary>The deterministic managed thread id for the next operation that asks (1 is the test's main flow).</summary>
    public int NextManagedThreadId() => ++_managedThreadIds;

    /// <summary>Whether <paramref name="thread"/> was created under control in this iteration.</summary>
    public bool IsControlledThread(Thread thread) => _threadIds.ContainsKey(thread);

    /// <summary>The managed thread id of a <see cref="Thread"/> created under control, given on first use.</summary>
    public int ThreadIdOf(Thread thread)
    {
        if (!_threadIds.TryGetValue(thread, out int id))
        {
            id = NextManagedThreadId();
            _threadIds.Add(thread, id);
        }

        return id;
    }

    public void RegisterEvent(object target, bool initialState, bool autoReset) =>
        _byTarget[target] = new EventResource(target, ++_sequence, initialState, autoReset);

    public void RegisterThread(Thread thread, ControlledOperation operation) => _threads[thread] = operation;

    public ControlledOperation? OperationOf(Thread thread) => _threads.GetValueOrDefault(thread);

    public CompletionResource CompletionOf(ControlledOperation operation)
    {
        if (!_completions.TryGetValue(operation, out var completion))
        {
            completion = new CompletionResource(operation);
            _completions.Add(operation, completion);
        }

        return completion;
    }
}
