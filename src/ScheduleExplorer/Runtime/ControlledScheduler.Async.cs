using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The async half of the operation lifecycle: task bodies, continuations and timers are operations
/// too. An await of an incomplete task ends the running operation's part of the flow and creates
/// the continuation as a new operation, blocked on the awaited task; it becomes enabled when the
/// task completes. A continuation that follows an operation ending on the same worker runs there,
/// so an async switch is a strategy pick and a method call, not an OS thread wake-up.
/// </summary>
internal sealed partial class ControlledScheduler
{
    private static readonly Action<object?> s_runAction = static state => ((Action)state!)();

    // Set while the scheduler waits, in real time, for work that completes outside it (read by the hang watchdog).
    private volatile bool _waitingForForeignWork;

    /// <summary>The tasks created under control this iteration.</summary>
    public TaskTable Tasks { get; } = new();

    /// <summary>
    /// Creates an enabled, background operation that runs <paramref name="body"/>: a task body or a
    /// thread-pool work item. Like a thread start it only enables the new operation (no point).
    /// </summary>
    public ControlledOperation StartTaskOperation(string name, Action<object?> body, object? state)
    {
        ThrowIfCanceled();
        FlushCreator();
        var operation = _operations.Add(this, name, body, state, thread: null);
        operation.IsBackground = true;
        operation.IsAsyncFlow = true;
        return operation;
    }

    /// <summary>
    /// Creates a background operation that runs <paramref name="body"/> once <paramref name="awaited"/>
    /// lets it proceed (or at <paramref name="deadline"/> on the virtual clock): a combinator's promise,
    /// a continuation task, an async semaphore wait. Its first step reads the resource, for partial-order
    /// reduction; a deadlock report shows it as blocked there.
    /// </summary>
    public ControlledOperation StartWaitingOperation(string name, IBlockingResource awaited, SchedulingPointKind kind, string? site, Action<object?> body, object? state, long deadline = long.MaxValue)
    {
        var operation = StartTaskOperation(name, body, state);
        Suspend(operation, awaited, kind, site);
        operation.Deadline = deadline;

        // The step that starts the wait found the resource unavailable: an observation of it.
        RecordEffect(awaited, isWrite: false);
        return operation;
    }

    /// <summary>
    /// Creates a timer: a background operation that runs <paramref name="body"/> once virtual time
    /// reaches now + <paramref name="delayMilliseconds"/> (never, for a negative delay). When
    /// <see cref="SchedulerOptions.TimersFireEarly"/> holds, the strategy may also fire it while
    /// other operations can run (the clock then jumps to its deadline).
    /// </summary>
    public ControlledOperation StartTimer(string name, long delayMilliseconds, string? site, Action<object?> body, object? state)
    {
        var timer = StartTaskOperation(name, body, state);
        timer.Status = OperationStatus.Blocked;
        timer.Deadline = delayMilliseconds < 0 ? long.MaxValue : Now + delayMilliseconds;
        if (_options.TimersFireEarly)
        {
            _operations.MarkFiresEarly(timer);
        }

        timer.BlockKind = SchedulingPointKind.Delay;
        timer.BlockSite = site;
        return timer;
    }

    /// <summary>Drops a timer that has not fired (its task was cancelled or its timer disposed).</summary>
    public void CancelTimer(ControlledOperation timer)
    {
        if (timer.Worker is null && timer.Status != OperationStatus.Completed)
        {
            timer.Status = OperationStatus.Completed;
        }
    }

    /// <summary>
    /// <paramref name="awaiting"/> awaits something incomplete: creates the continuation of its flow,
    /// blocked on <paramref name="awaited"/> (enabled at once when null: a yield). When
    /// <paramref name="context"/> is a user <see cref="SynchronizationContext"/> the await captured,
    /// the continuation posts to it instead of running, as in .NET. No scheduling point is taken
    /// here (the awaiting operation goes on, typically returning to its caller or ending).
    /// </summary>
    public ControlledOperation Await(ControlledOperation awaiting, IBlockingResource? awaited, Action continuation, string? site, SynchronizationContext? context, string? asyncMethod)
    {
        bool sameOperation = awaiting.IsAsyncFlow && !awaiting.HasContinuation;
        string name = awaiting.IsAsyncFlow ? awaiting.Name : Tasks.NewFlowName(asyncMethod ?? "async method");
        object state = continuation;
        Action<object?> body = s_runAction;
        if (context is not null)
        {
            var posted = Tasks.Post(name, site, context);
            state = (context, posted, continuation);
            body = static s =>
            {
                var (ctx, p, c) = ((SynchronizationContext, PostedContinuation, Action))s!;
                ctx.Post(
                    static inner =>
                    {
                        var (ran, run) = ((PostedContinuation, Action))inner!;
                        ran.Ran = true;
                        run();
                    },
                    (p, c));
            };
        }

        if (awaited is not null)
        {
            // Finding what it awaits incomplete is an observation of it (for partial-order reduction).
            RecordEffect(awaited, isWrite: false);
        }

        if (sameOperation)
        {
            // The common case: the flow's running part ends right after this await returns, so the
            // same operation (and, if it is picked next, the same worker) continues it.
            awaiting.ContinueWith(body, state, awaited, site);
            return awaiting;
        }

        FlushCreator();
        var next = _operations.Add(this, name, body, state, thread: null);
        next.IsBackground = true;
        next.IsAsyncFlow = true;
        if (awaiting.IsAsyncFlow)
        {
            next.Held = awaiting.Held;
        }

        if (awaited is not null)
        {
            Suspend(next, awaited, SchedulingPointKind.Await, site);
        }

        return next;
    }

    /// <summary>
    /// The last thing <paramref name="operation"/>'s body does is wait for <paramref name="task"/>
    /// (the main flow waiting for the task its entry returned): the same join as a blocking wait
    /// (one decision, the same effects, the same deadlock report), but the body returns and gives
    /// its worker back, so the flows it waits for run on that worker instead of waking another
    /// thread; <paramref name="continuation"/> runs once the task completes. Returns false when the
    /// wait has to block as a thread does (the task is complete or not controlled, an interrupt is
    /// pending, or the step bound or a break falls on this decision).
    /// </summary>
    public bool TryJoinAtEnd(ControlledOperation operation, TaskResource task, Action continuation)
    {
        ThrowIfCanceled();
        int step = _steps + 1;
        if (task.CanProceed(operation) || !task.IsControlled || operation.InterruptPending || operation.HasContinuation
            || step > _options.MaxSteps || step == _options.BreakAtStep || _uncontrolledThread is not null)
        {
            return false;
        }

        // What the blocking wait's scheduling point would record, before the decision taken when the body returns.
        RecordEffect(task, isWrite: false);
        operation.Steps++;
        operation.BackEdgesSincePoint = 0;
        operation.Pending = new PendingPoint(SchedulingPointKind.Join, null, null, task);
        operation.ContinueWith(s_runAction, continuation, task, site: null, SchedulingPointKind.Join);
        return true;
    }

    /// <summary>Marks an operation that has not run yet as blocked on <paramref name="awaited"/>.</summary>
    private static void Suspend(ControlledOperation operation, IBlockingResource awaited, SchedulingPointKind kind, string? site)
    {
        operation.Status = OperationStatus.Blocked;
        operation.BlockedOn = awaited;
        operation.BlockKind = kind;
        operation.BlockSite = site;
        operation.FirstStepReads = awaited;
    }

    /// <summary>
    /// For strategies that reduce by partial order: a wait on a polled resource (a task's
    /// completion, an awaitable) becomes possible in the step that completed it, so that step wrote
    /// the resource. Noted once per wait, at the decision after that step.
    /// </summary>
    private void NoteCompletedAwaits()
    {
        var live = _operations.Live;
        for (int i = 0; i < live.Count; i++)
        {
            var operation = live[i];
            if (operation is { Status: OperationStatus.Blocked, ReadyNoted: false, BlockedOn: TaskResource or AwaitableResource }
                && operation.BlockedOn.CanProceed(operation))
            {
                operation.ReadyNoted = true;
                RecordEffect(operation.BlockedOn, isWrite: true);
            }
        }
    }

    /// <summary>
    /// Nothing can run. When every foreground operation has finished, the iteration ends normally
    /// (background work is abandoned, as when a .NET process exits). Otherwise, when something awaits
    /// a task not created under control, real time is given for it (up to the hang timeout): if it
    /// completes, the workload depends on work the scheduler does not control; if not, it is a hang
    /// in uncontrolled code. Either way the run could not test it (never a deadlock). Returns the
    /// bug, or null for a normal end.
    /// </summary>
    private BugReport? ExplainNothingEnabled()
    {
        if (!_operations.AnyForegroundAlive())
        {
            return null;
        }

        // While anything awaits foreign work the verdict is never a deadlock: that work completes
        // (it ran outside the scheduler) or it does not within the hang timeout (a hang outside it).
        var foreign = _operations.Live.FirstOrDefault(o => o.Status == OperationStatus.Blocked && IsUncontrolledWait(o.BlockedOn));
        if (foreign is not null)
        {
            return WaitForUncontrolledCompletion(foreign)
                ? RuntimeBugs.UncontrolledThread(
                    $"'{foreign.Name}' waited for {foreign.BlockedOn!.Name}{(foreign.BlockSite is { } site ? $" at {site}" : string.Empty)}, which completed outside the controlled scheduler (real I/O, a real timer, or code that is not rewritten)")
                : RuntimeBugs.UncontrolledAwaitHang(foreign.Name, foreign.BlockedOn!.Name, foreign.BlockSite, _options.HangTimeout);
        }

        return Explain(() => DeadlockAnalyzer.Analyze(WaitForSnapshot.Blocked(_operations.All), WaitForSnapshot.Stranded(Tasks.Posted)));
    }

    private static bool IsUncontrolledWait(IBlockingResource? resource) => resource switch
    {
        TaskResource task => !task.IsControlled,
        AwaitableResource awaitable => !awaitable.IsControlled,
        _ => false,
    };

    private bool WaitForUncontrolledCompletion(ControlledOperation operation)
    {
        // This wait is bounded by the hang timeout and reports its own verdict: the hang watchdog
        // must not take it for a stuck operation (both would fire at the same moment).
        _waitingForForeignWork = true;
        try
        {
            var deadline = DateTime.UtcNow + _options.HangTimeout;
            var spinner = new SpinWait();
            while (DateTime.UtcNow < deadline && !_canceled)
            {
                if (operation.BlockedOn!.CanProceed(operation))
                {
                    return true;
                }

                spinner.SpinOnce(sleep1Threshold: 10);
            }

            return false;
        }
        finally
        {
            _waitingForForeignWork = false;
        }
    }
}
