using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// One schedulable unit: the test's main flow, a started thread, a task body, an async continuation
/// or a timer callback. Exactly one operation runs at a time, each on an engine-owned worker thread
/// that is reused across operations and iterations. An async flow is a chain of operations: an
/// await of an incomplete task ends the running operation's part and creates its continuation,
/// which shares the flow's name and held resources and is blocked on the awaited task.
/// </summary>
[DebuggerDisplay("{Id}: {Name} ({Status})")]
internal sealed class ControlledOperation
{
    private Action<object?> _body;
    private object? _state;
    private bool _continues;
    private IBlockingResource? _nextAwaited;
    private string? _nextSite;
    private SchedulingPointKind _nextKind = SchedulingPointKind.Await;
    private Stack<Lock>? _lockScopes;
    private List<IBlockingResource>? _held;
    private Dictionary<RuntimeFieldHandle, object>? _threadStatics;

    internal ControlledOperation(ControlledScheduler scheduler, int id, string name, Action<object?> body, object? state, Thread? thread)
    {
        Scheduler = scheduler;
        Id = id;
        Name = name;
        _body = body;
        _state = state;
        ThreadObject = thread;
    }

    /// <summary>The scheduler this operation belongs to.</summary>
    public ControlledScheduler Scheduler { get; }

    /// <summary>Sequential per iteration; 0 is the test's main flow.</summary>
    public int Id { get; }

    /// <summary>The thread name, or a generated one.</summary>
    public string Name { get; set; }

    public OperationStatus Status { get; set; } = OperationStatus.NotStarted;

    /// <summary>The user-visible <see cref="Thread"/> object for a started thread, if any.</summary>
    public Thread? ThreadObject { get; }

    /// <summary>The deterministic <see cref="Thread.ManagedThreadId"/> this operation reports; 0 until first asked.</summary>
    public int ManagedThreadId { get; set; }

    /// <summary>Set by <see cref="Thread.Interrupt"/>: the operation's next (or current) blocking wait throws <see cref="ThreadInterruptedException"/>.</summary>
    public bool InterruptPending { get; set; }

    /// <summary>The name set through <see cref="Thread.CurrentThread"/> by an operation that is not a started thread.</summary>
    public string? ThreadName { get; set; }

    /// <summary>This operation's <c>[ThreadStatic]</c> slots (rewritten accesses land here), created on first use.</summary>
    public Dictionary<RuntimeFieldHandle, object> ThreadStatics => _threadStatics ??= [];

    /// <summary>The worker running this operation, assigned the first time it is scheduled.</summary>
    public Worker? Worker { get; set; }

    /// <summary>What the operation is paused on, or null when it only waits for the clock.</summary>
    public IBlockingResource? BlockedOn { get; set; }

    /// <summary>Virtual time at which a timed wait expires; <see cref="long.MaxValue"/> for none.</summary>
    public long Deadline { get; set; } = long.MaxValue;

    /// <summary>True while the operation sits in a monitor's wait set and has not been pulsed.</summary>
    public bool AwaitingPulse { get; set; }

    /// <summary>The point kind and source site where the operation last blocked (for reports).</summary>
    public SchedulingPointKind BlockKind { get; set; }

    public string? BlockSite { get; set; }

    /// <summary>The scheduling point the operation is paused at, for strategies that choose by what operations will do next.</summary>
    public PendingPoint Pending { get; set; }

    /// <summary>The plain memory access the operation is paused right before, while the data-race detector tracks it.</summary>
    public PendingAccess? PausedAccess { get; set; }

    /// <summary>The array whose element address the operation made last (<c>ldelema</c>), for the accesses through it.</summary>
    public object? NotedArray { get; set; }

    /// <summary>The index of that element.</summary>
    public nint NotedIndex { get; set; }

    /// <summary>The object (or <see cref="PendingAccess.Statics"/>) of the field load the operation is making, while stores are buffered.</summary>
    public object? LoadingFrom { get; set; }

    /// <summary>That field ("Namespace.Type.field").</summary>
    public string? LoadingLocation { get; set; }

    /// <summary>That load's site.</summary>
    public string? LoadingSite { get; set; }

    /// <summary>The object (or <see cref="PendingAccess.Statics"/>) of the <c>Volatile.Write</c> the operation is making, while stores are buffered.</summary>
    public object? StoringTo { get; set; }

    /// <summary>That field ("Namespace.Type.field").</summary>
    public string? StoringLocation { get; set; }

    /// <summary>
    /// Monitors, locks and semaphore permits held, in acquisition order (for deadlock reports). The
    /// continuations of one async flow share the list.
    /// </summary>
    public List<IBlockingResource> Held
    {
        get => _held ??= [];
        set => _held = value;
    }

    /// <summary>
    /// Whether the iteration may end while this operation has not finished: thread-pool work, task
    /// bodies, continuations and timers are background, as in .NET, where the process ends when its
    /// foreground threads do (the test's main flow is foreground, and so is a thread unless
    /// <see cref="Thread.IsBackground"/>).
    /// </summary>
    public bool IsBackground { get; set; }

    /// <summary>Whether this operation is part of an async flow (a task body or a continuation), whose awaits continue its name.</summary>
    public bool IsAsyncFlow { get; set; }

    /// <summary>
    /// For a timer: whether the strategy may fire it before every other operation is blocked (time
    /// passes while others run), which makes "the timeout fires before the result" explorable.
    /// Timers still fire in deadline order: only those due first may fire early.
    /// </summary>
    public bool FiresEarly { get; set; }

    /// <summary>What the operation's first step observes (the awaited task, for a continuation), for partial-order reduction.</summary>
    public object? FirstStepReads { get; set; }

    /// <summary>Set once the resource this operation is blocked on was seen ready (the step that made it so wrote it).</summary>
    public bool ReadyNoted { get; set; }

    /// <summary>Locks entered through <c>Lock.EnterScope</c>, innermost last (scopes are disposed in LIFO order).</summary>
    public Stack<Lock> LockScopes => _lockScopes ??= new Stack<Lock>();

    /// <summary>The exception that ended this operation, if any.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Number of scheduling points this operation reached.</summary>
    public int Steps { get; set; }

    /// <summary>Back-edges taken since the last scheduling point (spin detection).</summary>
    public long BackEdgesSincePoint { get; set; }

    /// <summary>Runs the operation's body on the current (worker) thread.</summary>
    public void RunBody() => _body(_state);

    /// <summary>Whether an await in the running body already chose this operation to continue the flow.</summary>
    public bool HasContinuation => _continues;

    /// <summary>
    /// Makes <paramref name="body"/> the flow's next part: when the running body returns, this
    /// operation gives its worker back and waits on <paramref name="awaited"/> (null for a yield)
    /// instead of completing, so one async flow is one operation however many awaits it takes.
    /// <paramref name="kind"/> is the scheduling point the decision is recorded as (a join, for the
    /// main flow waiting for its entry's task).
    /// </summary>
    public void ContinueWith(Action<object?> body, object? state, IBlockingResource? awaited, string? site, SchedulingPointKind kind = SchedulingPointKind.Await)
    {
        // The running body was read before it started, so the next part can take its place now. A
        // flow awaiting in a loop continues with the same delegate, state and site every time:
        // unchanged references are not stored again (each store of a reference is a GC write barrier).
        if (!ReferenceEquals(_body, body))
        {
            _body = body;
        }

        if (!ReferenceEquals(_state, state))
        {
            _state = state;
        }

        if (!ReferenceEquals(_nextAwaited, awaited))
        {
            _nextAwaited = awaited;
        }

        if (!ReferenceEquals(_nextSite, site))
        {
            _nextSite = site;
        }

        _nextKind = kind;
        _continues = true;
    }

    /// <summary>After the body returned: switches to the continuation, if there is one, and reports whether it did.</summary>
    public bool TrySuspend()
    {
        if (!_continues)
        {
            return false;
        }

        _continues = false;
        if (!ReferenceEquals(BlockSite, _nextSite))
        {
            BlockSite = _nextSite;
        }

        BlockKind = _nextKind;
        var awaited = _nextAwaited;
        if (awaited is null)
        {
            Status = OperationStatus.Enabled;
            return true;
        }

        Status = OperationStatus.Blocked;
        BlockedOn = awaited;
        FirstStepReads = awaited;
        ReadyNoted = false;
        return true;
    }

    /// <summary>Whether the scheduler may choose this operation now.</summary>
    public bool IsEnabled(long now) => Status switch
    {
        OperationStatus.NotStarted or OperationStatus.Enabled => true,
        OperationStatus.Blocked => Deadline <= now || CanProceed(BlockedOn),
        _ => false,
    };

    /// <summary>
    /// Polled at every decision for each blocked operation: the resources awaits block on most
    /// (tasks, awaitables) are called directly, without an interface dispatch.
    /// </summary>
    private bool CanProceed(IBlockingResource? resource) => resource switch
    {
        null => false,
        TaskResource task => task.CanProceed(this),
        AwaitableResource awaitable => awaitable.CanProceed(this),
        _ => resource.CanProceed(this),
    };
}
