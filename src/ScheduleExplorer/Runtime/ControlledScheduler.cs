using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled scheduler: runs one iteration of a test at a time with exactly one operation
/// running, and at every scheduling point asks the strategy who runs next. Operation lifecycle and
/// scheduling live here; the semantics of each primitive live in the controlled shims, and
/// explanations of bugs live in <c>Detection</c>.
/// </summary>
internal sealed class ControlledScheduler : IDisposable
{
    [ThreadStatic]
    private static ControlledOperation? t_current;

    private readonly SchedulerOptions _options;
    private readonly WorkerPool _pool;
    private readonly List<ControlledOperation> _operations = [];
    private readonly List<ScheduleStep> _schedule = [];
    private readonly List<StepEffect> _effects = [];
    private readonly ManualResetEventSlim _engineSignal = new(initialState: false);
    private ISchedulingStrategy _strategy;
    private int[] _enabled = new int[8];
    private ControlledOperation? _current;
    private BugReport? _bug;
    private volatile bool _canceled;
    private volatile bool _dead;
    private bool _stepBoundReached;
    private string? _divergence;
    private volatile string? _uncontrolledThread;
    private int _steps;
    private int _switches;
    private long _now;

    public ControlledScheduler(ISchedulingStrategy strategy, SchedulerOptions options)
    {
        _strategy = strategy;
        _options = options;
        _pool = new WorkerPool(options.PinCpu);
    }

    /// <summary>The operation running on the calling thread, or null outside a controlled run.</summary>
    public static ControlledOperation? CurrentOperation => t_current;

    public ResourceTable Resources { get; } = new();

    /// <summary>Virtual time in milliseconds since the iteration started.</summary>
    public long Now => _now;

    public ISchedulingStrategy Strategy
    {
        get => _strategy;
        set => _strategy = value;
    }

    /// <summary>True after a hang: an operation could not be stopped, so no further iteration may run.</summary>
    public bool IsBroken => _dead;

    /// <summary>OS threads created so far (they are reused across operations and iterations).</summary>
    public int WorkerThreads => _pool.Created;

    /// <summary>
    /// Runs one iteration of <paramref name="entry"/> to its end, a bug, or the step bound. The
    /// schedule is copied into the outcome only when there is a bug or a divergence, or when
    /// <paramref name="keepSchedule"/> asks for it (it is the only per-iteration allocation).
    /// </summary>
    public IterationOutcome RunIteration(Action entry, bool keepSchedule = false)
    {
        if (_dead)
        {
            throw new InvalidOperationException("The scheduler is broken by an earlier hang and cannot run another iteration.");
        }

        Reset();
        var main = AddOperation("main", _ => entry(), state: null, thread: null);
        _current = main;
        AssignWorker(main);
        _engineSignal.Reset();
        UncontrolledThreadDetector.Started(this);
        try
        {
            main.Worker!.Resume();
            WaitForEnd();
            if (_canceled)
            {
                UnwindRemaining();
            }
        }
        finally
        {
            UncontrolledThreadDetector.Stopped(this);
        }

        if (_bug is null && _divergence is null && _uncontrolledThread is { } foreign)
        {
            _bug = UncontrolledThreadBug(foreign);
        }

        bool keep = keepSchedule || _bug is not null || _divergence is not null;
        return new IterationOutcome(
            _bug,
            _divergence,
            _steps,
            _switches,
            keep ? [.. _operations.Select(o => o.Name)] : [],
            _stepBoundReached,
            _now,
            keep ? [.. _schedule] : []);
    }

    /// <summary>A scheduling point reached by <paramref name="operation"/>, the running operation.</summary>
    public void SchedulePoint(ControlledOperation operation, SchedulingPointKind kind, string? site, string? target = null)
    {
        ThrowIfCanceled();
        if (_uncontrolledThread is { } foreign)
        {
            Fail(UncontrolledThreadBug(foreign));
        }

        Debug.Assert(ReferenceEquals(operation, _current), "only the running operation reaches scheduling points");
        operation.Steps++;
        operation.BackEdgesSincePoint = 0;
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
            FailWithDeadlock();
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
        long deadline = timeoutMilliseconds < 0 ? long.MaxValue : _now + timeoutMilliseconds;
        if (resource.CanProceed(operation))
        {
            // Others may get there first. When the resource is unavailable this point is skipped:
            // blocking below yields anyway, and a second choice here would only repeat it.
            SchedulePoint(operation, kind, site);
        }

        while (!resource.CanProceed(operation))
        {
            // Finding the resource unavailable is itself an observation of it.
            RecordEffect(resource, isWrite: false);
            if (_now >= deadline)
            {
                return false;
            }

            Block(operation, resource, kind, site, deadline);
        }

        RecordEffect(resource, isWrite: resource is not CompletionResource);
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

        long deadline = _now + milliseconds;
        RecordEffect(StepEffect.Everything, isWrite: true);
        while (_now < deadline)
        {
            Block(operation, resource: null, SchedulingPointKind.Delay, site, deadline);
        }
    }

    /// <summary>Marks <paramref name="operation"/> blocked, then yields until it is chosen again.</summary>
    public void Block(ControlledOperation operation, IBlockingResource? resource, SchedulingPointKind kind, string? site, long deadline = long.MaxValue)
    {
        operation.Status = OperationStatus.Blocked;
        operation.BlockedOn = resource;
        operation.Deadline = deadline;
        operation.BlockKind = kind;
        operation.BlockSite = site;
        SchedulePoint(operation, kind, site);
        operation.Status = OperationStatus.Enabled;
        operation.BlockedOn = null;
        operation.Deadline = long.MaxValue;
    }

    /// <summary>Creates a new operation for a started thread and takes a scheduling point.</summary>
    public ControlledOperation StartOperation(ControlledOperation parent, Thread? thread, Action<object?> body, object? state, string? site)
    {
        // Starting a thread only enables it (a left mover): the parent's next visible operation
        // takes the scheduling point where the new operation may run first.
        ThrowIfCanceled();
        var operation = AddOperation(thread?.Name ?? $"thread {_operations.Count}", body, state, thread);
        if (thread is not null)
        {
            Resources.RegisterThread(thread, operation);
        }

        return operation;
    }

    /// <summary>
    /// Records what the running step did to shared state, for strategies that reduce by partial
    /// order. Only recorded when the strategy observes effects, so other strategies pay nothing.
    /// </summary>
    public void RecordEffect(object key, bool isWrite)
    {
        if (_strategy is IStepEffectsObserver)
        {
            _effects.Add(new StepEffect(key, isWrite));
        }
    }

    /// <summary>A data choice made through the strategy and recorded in the schedule.</summary>
    public int NextInteger(ControlledOperation operation, int maxValue, string? site)
    {
        ThrowIfCanceled();
        RecordEffect(StepEffect.Everything, isWrite: true);
        int value = Ask(() => _strategy.NextInteger(operation.Id, maxValue));
        _schedule.Add(new ScheduleStep(SchedulingPointKind.RandomInteger, operation.Id, operation.Id, value, site, null));
        return value;
    }

    /// <summary>A boolean data choice made through the strategy and recorded in the schedule.</summary>
    public bool NextBoolean(ControlledOperation operation, string? site)
    {
        ThrowIfCanceled();
        RecordEffect(StepEffect.Everything, isWrite: true);
        bool value = Ask(() => _strategy.NextBoolean(operation.Id));
        _schedule.Add(new ScheduleStep(SchedulingPointKind.RandomBoolean, operation.Id, operation.Id, value ? 1 : 0, site, null));
        return value;
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
            Fail(new BugReport(
                BugKind.Hang,
                $"'{operation.Name}' spins without reaching a scheduling point ({operation.BackEdgesSincePoint:N0} loop iterations{(site is null ? "" : $" at {site}")}).",
                "The loop touches no shared field, lock or other controlled primitive, so no other operation can ever run: add a Thread.Yield() or make the loop observe shared state.",
                operation.Name));
        }
    }

    /// <summary>Called from another thread: rewritten code ran on a thread this scheduler does not control.</summary>
    public void OnUncontrolledThread(string description) => _uncontrolledThread ??= description;

    private static BugReport UncontrolledThreadBug(string description) => new(
        BugKind.UncontrolledConcurrency,
        $"Uncontrolled concurrency: {description}.",
        "Threads must be started by rewritten code (new Thread(...).Start()) so the scheduler controls them; rewrite the assembly that starts this thread, or avoid the thread pool, timers and tasks in code under test.",
        operation: null);

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

    /// <summary>Body of a worker: runs <paramref name="operation"/> and hands on the baton.</summary>
    internal void RunOperation(ControlledOperation operation)
    {
        t_current = operation;
        try
        {
            operation.RunBody();
        }
        catch (ExecutionCanceledException)
        {
        }
        catch (ThreadInterruptedException) when (_canceled)
        {
        }
        catch (Exception e)
        {
            operation.Failure = e;
        }
        finally
        {
            t_current = null;
        }

        OnOperationFinished(operation);
    }

    public void Dispose()
    {
        _dead = true;
        _pool.Dispose();
        _engineSignal.Dispose();
    }

    private void OnOperationFinished(ControlledOperation operation)
    {
        var worker = operation.Worker!;
        if (worker.IsPoisoned)
        {
            return;
        }

        operation.Status = OperationStatus.Completed;
        operation.Worker = null;
        _pool.Return(worker);
        if (!_canceled && operation.Failure is { } failure)
        {
            _bug ??= Explain(() => ExceptionClassifier.ToBug(operation.Name, failure));
            _canceled = true;
        }

        if (_canceled)
        {
            _engineSignal.Set();
            return;
        }

        _steps++;
        RecordEffect(Resources.CompletionOf(operation), isWrite: true);
        var next = PickNext(operation, SchedulingPointKind.Complete, site: null, target: null);
        if (next is null)
        {
            if (!_canceled && _operations.Any(o => o.Status == OperationStatus.Blocked))
            {
                _bug ??= Explain(() => DeadlockAnalyzer.Analyze(_operations));
                _canceled = true;
            }

            _engineSignal.Set();
            return;
        }

        _switches++;
        _current = next;
        AssignWorker(next);
        next.Worker!.Resume();
    }

    private ControlledOperation? PickNext(ControlledOperation current, SchedulingPointKind kind, string? site, string? target)
    {
        int count = CollectEnabled();
        if (count == 0 && AdvanceClock())
        {
            count = CollectEnabled();
        }

        if (count == 0)
        {
            return null;
        }

        if (_strategy is IStepEffectsObserver observer)
        {
            observer.OnStepEffects(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_effects));
        }

        _effects.Clear();
        int chosen;
        try
        {
            chosen = _strategy.NextOperation(_enabled.AsSpan(0, count), current.Id, kind, site);
        }
        catch (ScheduleDivergenceException e)
        {
            Diverge(e);
            return null;
        }

        _schedule.Add(new ScheduleStep(kind, current.Id, chosen, 0, site, target));
        var next = _operations[chosen];
        Debug.Assert(next.IsEnabled(_now), "the strategy must choose an enabled operation");
        return next;
    }

    private T Ask<T>(Func<T> choice)
    {
        try
        {
            return choice();
        }
        catch (ScheduleDivergenceException e)
        {
            Diverge(e);
            throw new ExecutionCanceledException();
        }
    }

    /// <summary>Ends the iteration because a recorded schedule no longer matches the run.</summary>
    private void Diverge(ScheduleDivergenceException divergence)
    {
        _divergence ??= divergence.Message;
        _canceled = true;
    }

    private int CollectEnabled()
    {
        int count = 0;
        var operations = _operations;
        for (int i = 0; i < operations.Count; i++)
        {
            if (operations[i].IsEnabled(_now))
            {
                if (count == _enabled.Length)
                {
                    Array.Resize(ref _enabled, count * 2);
                }

                _enabled[count++] = i;
            }
        }

        return count;
    }

    /// <summary>Moves virtual time to the earliest deadline of a blocked operation, if there is one.</summary>
    private bool AdvanceClock()
    {
        long earliest = long.MaxValue;
        foreach (var operation in _operations)
        {
            if (operation.Status == OperationStatus.Blocked && operation.Deadline < earliest)
            {
                earliest = operation.Deadline;
            }
        }

        if (earliest == long.MaxValue)
        {
            return false;
        }

        _now = Math.Max(_now, earliest);
        return true;
    }

    private void SwitchTo(ControlledOperation from, ControlledOperation to)
    {
        _switches++;
        _current = to;
        AssignWorker(to);
        to.Worker!.Resume();
        from.Worker!.Park();
        ThrowIfCanceled();
    }

    private void AssignWorker(ControlledOperation operation)
    {
        if (operation.Worker is null)
        {
            operation.Worker = _pool.Rent();
            operation.Worker.Assign(operation);
            operation.Status = OperationStatus.Enabled;
        }
    }

    private ControlledOperation AddOperation(string name, Action<object?> body, object? state, Thread? thread)
    {
        var operation = new ControlledOperation(this, _operations.Count, name, body, state, thread);
        _operations.Add(operation);
        return operation;
    }

    /// <summary>Unwinds the calling operation when the iteration has ended early.</summary>
    public void ThrowIfCanceled()
    {
        if (_canceled)
        {
            throw new ExecutionCanceledException();
        }
    }

    [DoesNotReturn]
    private void ReachStepBound(ControlledOperation operation)
    {
        _stepBoundReached = true;
        if (_options.FailOnMaxSteps)
        {
            Fail(new BugReport(
                BugKind.Livelock,
                $"The iteration reached the bound of {_options.MaxSteps:N0} scheduling steps without finishing (a livelock, or a bound too small for this test).",
                $"Operations still running: {string.Join(", ", _operations.Where(o => o.Status != OperationStatus.Completed).Select(o => $"'{o.Name}'"))}.",
                operation.Name));
        }

        _canceled = true;
        throw new ExecutionCanceledException();
    }

    [DoesNotReturn]
    private void FailWithDeadlock() => Fail(Explain(() => DeadlockAnalyzer.Analyze(_operations)));

    private static BugReport Explain(Func<BugReport> explain)
    {
        var saved = Suspend();
        try
        {
            return explain();
        }
        finally
        {
            Restore(saved);
        }
    }

    private void Reset()
    {
        _operations.Clear();
        _schedule.Clear();
        _effects.Clear();
        Resources.Clear();
        _bug = null;
        _divergence = null;
        _uncontrolledThread = null;
        _canceled = false;
        _stepBoundReached = false;
        _steps = 0;
        _switches = 0;
        _now = 0;
        _current = null;
    }

    /// <summary>The engine thread waits here; the watchdog turns a real hang into a report.</summary>
    private void WaitForEnd()
    {
        int lastSteps = -1;
        while (!_engineSignal.Wait(_options.HangTimeout))
        {
            if (Volatile.Read(ref _steps) != lastSteps)
            {
                lastSteps = Volatile.Read(ref _steps);
                continue;
            }

            var stuck = _current;
            _bug ??= new BugReport(
                BugKind.Hang,
                $"'{stuck?.Name}' made no progress for {_options.HangTimeout.TotalSeconds:0.#} s: it is blocked in a call the controlled runtime does not control, or it loops without reaching a scheduling point.",
                "Make sure the code under test (and what it calls) is rewritten, and that it uses only controlled primitives (Thread, lock/Monitor, Lock, SemaphoreSlim, events, Interlocked, Volatile).",
                stuck?.Name);
            _canceled = true;
            _dead = true;
            stuck?.Worker?.Thread.Interrupt();
            if (!_engineSignal.Wait(TimeSpan.FromSeconds(2)) && stuck?.Worker is { } worker)
            {
                // The operation cannot be stopped: abandon its worker and end the run.
                worker.IsPoisoned = true;
                stuck.Status = OperationStatus.Completed;
            }

            return;
        }
    }

    /// <summary>Resumes every parked operation once so that it unwinds its stack (finally blocks run).</summary>
    private void UnwindRemaining()
    {
        foreach (var operation in _operations)
        {
            if (operation.Status == OperationStatus.Completed)
            {
                continue;
            }

            if (operation.Worker is null)
            {
                operation.Status = OperationStatus.Completed;
                continue;
            }

            _current = operation;
            _engineSignal.Reset();
            operation.Worker.Resume();
            if (!_engineSignal.Wait(_options.HangTimeout))
            {
                operation.Worker.IsPoisoned = true;
                operation.Status = OperationStatus.Completed;
                _dead = true;
            }
        }
    }
}
