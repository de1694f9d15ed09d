using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled scheduler: runs one iteration of a test at a time with exactly one operation
/// running, and at every scheduling point asks the strategy (through <see cref="StrategyMediator"/>)
/// who runs next. This half holds the decisions and blocking; the iteration lifecycle is in
/// ControlledScheduler.Lifecycle.cs, the operations and clock in <see cref="OperationTable"/>, the
/// semantics of each primitive in the controlled shims, and explanations of bugs in <c>Detection</c>.
/// </summary>
internal sealed partial class ControlledScheduler : IDisposable
{
    [ThreadStatic]
    private static ControlledOperation? t_current;

    private readonly SchedulerOptions _options;
    private readonly WorkerPool _pool;
    private readonly OperationTable _operations = new();
    private StrategyMediator _strategy;
    private readonly Baton _engineSignal = new(spin: false);
    private ControlledOperation? _current;
    private BugReport? _bug;
    private volatile bool _canceled;
    private volatile bool _dead;
    private bool _stepBoundReached;
    private volatile string? _uncontrolledThread;
    private volatile string? _hangStack;
    private int _steps;
    private readonly ExecutionEvents _events = new();
    private readonly ExecutionMetrics _metrics = new();

    public ControlledScheduler(ISchedulingStrategy strategy, SchedulerOptions options)
    {
        _strategy = new StrategyMediator(strategy, options.ScheduleSink);
        _events.Subscribe(_metrics);
        _events.Subscribe(_strategy);
        foreach (var observer in options.Observers)
        {
            _events.Subscribe(observer);
        }

        _options = options;
        RaceIsBug = options.RaceIsBug;
        _operations.Sink = options.ScheduleSink;
        _pool = new WorkerPool(options.PinCpu);
        Races = new DataRaceDetector { Enabled = options.DetectDataRaces, Accepted = options.BenignRaces };
        Buffers = new StoreBuffers { Enabled = options.StoreBuffering };
        Fairness = new YieldFairness { Enabled = options.FairYields };
    }

    /// <summary>Holds back operations that yield again before the others ran (<see cref="SchedulerOptions.FairYields"/>).</summary>
    public YieldFairness Fairness { get; }

    /// <summary>The store buffers of this run's iterations (<see cref="SchedulerOptions.StoreBuffering"/>).</summary>
    public StoreBuffers Buffers { get; }

    /// <summary>The data-race detector of this run's iterations.</summary>
    public DataRaceDetector Races { get; }

    /// <summary>Whether a race the detector finds is the iteration's bug (see <see cref="SchedulerOptions.RaceIsBug"/>).</summary>
    public bool RaceIsBug { get; set; }

    /// <summary>The operation running on the calling thread, or null outside a controlled run.</summary>
    public static ControlledOperation? CurrentOperation => t_current;

    public ResourceTable Resources { get; } = new();

    /// <summary>Virtual time in milliseconds since the iteration started.</summary>
    public long Now => _operations.Now;

    /// <summary>True after a hang: an operation could not be stopped, so no further iteration may run.</summary>
    public bool IsBroken => _dead;

    /// <summary>Explores with <paramref name="strategy"/> from the next iteration on (the workers are kept).</summary>
    public void Use(ISchedulingStrategy strategy)
    {
        _strategy.Release();
        _events.Unsubscribe(_strategy);
        _strategy = new StrategyMediator(strategy, _options.ScheduleSink);
        _events.Subscribe(_strategy);
    }

    /// <summary>Scheduling points taken so far in this iteration (a spin-wait waits for another operation to take one).</summary>
    public int StepsTaken => _steps;

    /// <summary>OS threads created so far (they are reused across operations and iterations).</summary>
    public int WorkerThreads => _pool.Created;

    /// <summary>A scheduling point reached by <paramref name="operation"/>, the running operation.</summary>
    public void SchedulePoint(ControlledOperation operation, SchedulingPointKind kind, string? site, string? target = null, object? resource = null)
    {
        ThrowIfCanceled();
        if (_uncontrolledThread is { } foreign)
        {
            Fail(RuntimeBugs.UncontrolledThread(foreign));
        }

        Debug.Assert(ReferenceEquals(operation, _current), "only the running operation reaches scheduling points");
        if (!Buffers.IsEmpty && kind is not (SchedulingPointKind.Read or SchedulingPointKind.Write))
        {
            // A fence: locked instructions and every synchronization drain the buffer; Interlocked and
            // Volatile calls may touch any location, so they drain every buffer.
            if (kind == SchedulingPointKind.Interlocked)
            {
                Buffers.FlushAll(this);
            }
            else
            {
                Buffers.Flush(this, operation);
            }
        }

        operation.Steps++;
        operation.BackEdgesSincePoint = 0;
        operation.Pending = new PendingPoint(kind, target, site, resource);
        if (++_steps > _options.MaxSteps)
        {
            ReachStepBound(operation);
        }

        if (_steps == _options.BreakAtStep)
        {
            _options.OnBreak();
        }

        var next = PickNext(operation, kind, site, target);
        if (next is null)
        {
            ThrowIfCanceled();
            EndWithNothingEnabled();
        }

        if (!ReferenceEquals(next, operation))
        {
            SwitchTo(operation, next!);
        }
    }

    /// <summary>
    /// Pauses <paramref name="operation"/> until <paramref name="resource"/> lets it proceed, or until
    /// <paramref name="timeoutMilliseconds"/> of virtual time pass (-1 for no timeout). Returns false
    /// on timeout. A scheduling point is taken first in every case (a blocking one if unavailable).
    /// </summary>
    public bool WaitFor(ControlledOperation operation, IBlockingResource resource, SchedulingPointKind kind, string? site, long timeoutMilliseconds = -1)
    {
        long deadline = timeoutMilliseconds < 0 ? long.MaxValue : Now + timeoutMilliseconds;
        if (resource.CanProceed(operation))
        {
            // Others may get there first. When the resource is unavailable this point is skipped:
            // blocking below yields anyway, and a second choice here would only repeat it.
            SchedulePoint(operation, kind, site, resource: resource);
        }

        while (!resource.CanProceed(operation))
        {
            // Finding the resource unavailable is itself an observation of it.
            RecordEffect(resource, isWrite: false);
            if (Now >= deadline)
            {
                return false;
            }

            Block(operation, resource, kind, site, deadline);
        }

        RecordEffect(resource, isWrite: resource is not (CompletionResource or TaskResource or AwaitableResource));
        return true;
    }

    /// <summary>Pauses <paramref name="operation"/> for <paramref name="milliseconds"/> of virtual time.</summary>
    public void Sleep(ControlledOperation operation, long milliseconds, string? site)
    {
        if (milliseconds <= 0)
        {
            SchedulePoint(operation, SchedulingPointKind.Yield, site);
            return;
        }

        long deadline = Now + milliseconds;
        RecordEffect(StepEffect.Everything, isWrite: true);
        while (Now < deadline)
        {
            Block(operation, resource: null, SchedulingPointKind.Delay, site, deadline);
        }
    }

    /// <summary>Marks <paramref name="operation"/> blocked, then yields until it is chosen again.</summary>
    public void Block(ControlledOperation operation, IBlockingResource? resource, SchedulingPointKind kind, string? site, long deadline = long.MaxValue)
    {
        ThrowIfInterrupted(operation, kind);
        operation.Status = OperationStatus.Blocked;
        operation.BlockedOn = resource;
        operation.Deadline = deadline;
        operation.BlockKind = kind;
        operation.BlockSite = site;
        operation.ReadyNoted = false;
        SchedulePoint(operation, kind, site, resource: resource);
        operation.Status = OperationStatus.Enabled;
        operation.BlockedOn = null;
        operation.Deadline = long.MaxValue;
        ThrowIfInterrupted(operation, kind);
    }

    /// <summary>A pending <see cref="Thread.Interrupt"/> ends a blocking wait (not an await, where no thread blocks).</summary>
    private static void ThrowIfInterrupted(ControlledOperation operation, SchedulingPointKind kind)
    {
        if (operation.InterruptPending && kind != SchedulingPointKind.Await)
        {
            operation.InterruptPending = false;
            throw new ThreadInterruptedException("Thread was interrupted from a waiting state.");
        }
    }

    /// <summary>Creates a new, enabled operation for a started thread (no scheduling point: see below).</summary>
    public ControlledOperation StartOperation(Thread? thread, Action<object?> body, object? state)
    {
        // Starting a thread only enables it (a left mover): the parent's next visible operation
        // takes the scheduling point where the new operation may run first.
        ThrowIfCanceled();
        FlushCreator();
        var operation = _operations.Add(this, thread?.Name ?? $"thread {_operations.Count}", body, state, thread);
        if (thread is not null)
        {
            operation.IsBackground = thread.IsBackground;
            Resources.RegisterThread(thread, operation);
        }

        return operation;
    }

    /// <summary>
    /// Publishes what the running step did to shared state (an <see cref="EffectEvent"/>), for
    /// strategies that reduce by partial order and other subscribers. Only published when some
    /// subscriber observes effects, so other runs pay nothing.
    /// </summary>
    public void RecordEffect(object key, bool isWrite)
    {
        if (key is not string && !Buffers.IsEmpty && _current is { } running)
        {
            // Every synchronization records its effect on its resource (partial-order reduction needs
            // it): a release, a signal or a completion is a fence, so the running operation's stores
            // become visible before anyone can observe it. Memory locations are named by strings.
            Buffers.Flush(this, running);
        }

        if (_events.ObservesEffects)
        {
            _events.Effect(new EffectEvent(_steps, _current?.Id ?? -1, key, isWrite));
        }
    }

    /// <summary>Flushes the running operation's stores when it creates another (a thread start or a task is queued through a fence).</summary>
    private void FlushCreator()
    {
        if (!Buffers.IsEmpty && _current is { } creator)
        {
            Buffers.Flush(this, creator);
        }
    }

    /// <summary>A data choice made through the strategy and recorded in the schedule.</summary>
    public int NextInteger(ControlledOperation operation, int maxValue, string? site)
    {
        ThrowIfCanceled();
        return _strategy.ChooseInteger(operation.Id, maxValue, site) ?? EndOnDivergence<int>();
    }

    /// <summary>A boolean data choice made through the strategy and recorded in the schedule.</summary>
    public bool NextBoolean(ControlledOperation operation, string? site)
    {
        ThrowIfCanceled();
        return _strategy.ChooseBoolean(operation.Id, site) ?? EndOnDivergence<bool>();
    }

    /// <summary>
    /// Whether <paramref name="operation"/>'s load of <paramref name="location"/> at <paramref name="site"/>
    /// sees the value from before another operation's buffered store (a recorded data choice, see <see cref="StoreBuffers"/>).
    /// </summary>
    public bool ChooseStaleRead(ControlledOperation operation, string? site, string location)
    {
        ThrowIfCanceled();
        return _strategy.ChooseStale(operation.Id, site, location) ?? EndOnDivergence<bool>();
    }

    /// <summary>
    /// Called on every loop back-edge of rewritten code: an operation that spins without reaching a
    /// scheduling point is reported deterministically (counted, not timed).
    /// </summary>
    public void OnBackEdge(ControlledOperation operation, string? site)
    {
        if (_canceled)
        {
            throw new ExecutionCanceledException();
        }

        if (++operation.BackEdgesSincePoint > _options.MaxBackEdgesWithoutPoint)
        {
            Fail(RuntimeBugs.Spin(operation.Name, operation.BackEdgesSincePoint, site));
        }
    }

    /// <summary>Called from another thread: rewritten code ran on a thread this scheduler does not control.</summary>
    public void OnUncontrolledThread(string description) => _uncontrolledThread ??= description;

    /// <summary>Ends the iteration with <paramref name="bug"/>: the caller unwinds.</summary>
    [DoesNotReturn]
    public void Fail(BugReport bug)
    {
        _bug ??= bug;
        _canceled = true;
        throw new ExecutionCanceledException();
    }

    /// <summary>Suspends control on this thread (for report text that may run user code).</summary>
    public static ControlledOperation? Suspend()
    {
        var operation = t_current;
        t_current = null;
        return operation;
    }

    public static void Restore(ControlledOperation? operation) => t_current = operation;
}
