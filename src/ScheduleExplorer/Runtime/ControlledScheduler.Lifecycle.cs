using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The iteration lifecycle of the scheduler, as seen from the engine thread and from each worker:
/// start an iteration, run an operation to its end and hand the baton on, detect the end or a
/// deadlock, unwind what is left after a bug, and the watchdog that turns a real hang into a report.
/// Scheduling decisions live in the other half of this class.
/// </summary>
internal sealed partial class ControlledScheduler
{
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
        _options.ScheduleSink?.ScheduleStarting();
        var main = _operations.Add(this, "main", _ => entry(), state: null, thread: null);
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

        string? divergence = _strategy.Divergence;
        if (_bug is null && divergence is null && _uncontrolledThread is { } foreign)
        {
            _bug = RuntimeBugs.UncontrolledThread(foreign);
        }

        // A failure outranks a race: the race is the iteration's bug only when asked and nothing else went wrong.
        BugReport? race = _bug is null && divergence is null ? Races.Race : null;
        if (race is not null && RaceIsBug)
        {
            _bug = race;
            race = null;
        }

        bool keep = keepSchedule || _bug is not null || divergence is not null || race is not null;
        return new IterationOutcome(
            _bug,
            divergence,
            _steps,
            _metrics.Switches,
            _metrics.Preemptions,
            keep ? [.. _operations.All.Select(o => o.Name)] : [],
            _stepBoundReached,
            _operations.Now,
            keep ? [.. _strategy.Schedule] : [])
        {
            Race = race,
        };
    }

    /// <summary>
    /// Body of a worker: runs <paramref name="operation"/> and hands on the baton. Returns the
    /// operation chosen next when it has no worker of its own (a continuation, a task body, a timer
    /// not started yet): the calling worker runs it at once, so a same-worker switch is a method
    /// call with no OS wait or wake-up. Returns null when the baton went to another worker.
    /// </summary>
    internal ControlledOperation? RunOperation(ControlledOperation operation)
    {
        t_current = operation;
        if (SynchronizationContext.Current is not null)
        {
            // A context a workload installed belongs to the operation that installed it, not to the worker.
            SynchronizationContext.SetSynchronizationContext(null);
        }

        if (operation.FirstStepReads is { } awaited)
        {
            RecordEffect(awaited, isWrite: false);
        }

        try
        {
            operation.RunBody();
        }
        catch (ExecutionCanceledException)
        {
        }
        catch (ThreadInterruptedException e) when (_canceled)
        {
            // The watchdog interrupted a hung operation: where it was stuck is the hang report.
            _hangStack = e.StackTrace;
        }
        catch (Exception e)
        {
            operation.Failure = e;
        }
        finally
        {
            t_current = null;
            if (SynchronizationContext.Current is not null)
            {
                SynchronizationContext.SetSynchronizationContext(null);
            }

            Worker.ResetAmbientContext();
        }

        if (operation.Failure is null && !_canceled && operation.TrySuspend())
        {
            return OnOperationSuspended(operation);
        }

        return OnOperationFinished(operation);
    }

    /// <summary>The running part of an async flow ended at an await: the operation gives its worker back and the baton moves on.</summary>
    private ControlledOperation? OnOperationSuspended(ControlledOperation operation)
    {
        var worker = operation.Worker!;
        if (worker.IsPoisoned)
        {
            return null;
        }

        operation.Worker = null;
        _steps++;
        var next = PickNext(operation, operation.BlockKind, operation.BlockSite, target: null);
        if (next is null)
        {
            if (!_canceled)
            {
                _bug ??= ExplainNothingEnabled();
                _canceled = _bug is not null || _operations.AnyUnfinished();
            }

            _pool.Return(worker);
            _engineSignal.Set();
            return null;
        }

        return HandOver(worker, next);
    }

    /// <summary>
    /// Makes <paramref name="next"/> the running operation after the one on <paramref name="worker"/>
    /// gave up control: returns it for this worker to run inline when it has no worker yet, or
    /// resumes its own worker (and returns null).
    /// </summary>
    private ControlledOperation? HandOver(Worker worker, ControlledOperation next)
    {
        _current = next;
        if (next.Worker is null)
        {
            next.Worker = worker;
            next.Status = OperationStatus.Enabled;
            next.BlockedOn = null;
            next.Deadline = long.MaxValue;
            return next;
        }

        _pool.Return(worker);
        next.Worker.Resume();
        return null;
    }

    public void Dispose()
    {
        // After a hang a worker may still get the watchdog's interrupt: no worker of a broken run is reused.
        bool healthy = !_dead;
        _dead = true;
        _pool.Dispose(keepIdle: healthy);
        _engineSignal.Dispose();
        if (healthy)
        {
            // After a hang a stuck operation might still append to the schedule: its buffer is not shared.
            _strategy.Release();
        }
    }

    private ControlledOperation? OnOperationFinished(ControlledOperation operation)
    {
        var worker = operation.Worker!;
        if (worker.IsPoisoned)
        {
            return null;
        }

        operation.Status = OperationStatus.Completed;
        operation.Worker = null;
        if (!_canceled && operation.Failure is { } failure)
        {
            _bug ??= Explain(() => ExceptionClassifier.ToBug(operation.Name, failure));
            _canceled = true;
        }

        if (_canceled)
        {
            _pool.Return(worker);
            _engineSignal.Set();
            return null;
        }

        if (!operation.IsBackground && !_operations.AnyForegroundAlive())
        {
            // The last foreground flow ended: the program is over, whatever background work is left.
            _canceled = _operations.AnyUnfinished();
            _pool.Return(worker);
            _engineSignal.Set();
            return null;
        }

        _steps++;
        if (!Buffers.IsEmpty)
        {
            Buffers.Flush(this, operation);
        }

        if (_events.ObservesEffects)
        {
            RecordEffect(Resources.CompletionOf(operation), isWrite: true);
        }

        var next = PickNext(operation, SchedulingPointKind.Complete, site: null, target: null);
        if (next is null)
        {
            if (!_canceled && _operations.AnyBlocked())
            {
                _bug ??= ExplainNothingEnabled();
                _canceled = true;
            }

            _pool.Return(worker);
            _engineSignal.Set();
            return null;
        }

        return HandOver(worker, next);
    }

    private void Reset()
    {
        _operations.Clear();
        _strategy.Clear();
        Resources.Clear();
        Tasks.Clear();
        Races.Clear();
        Buffers.Clear();
        Fairness.Clear();
        _bug = null;
        _uncontrolledThread = null;
        _canceled = false;
        _stepBoundReached = false;
        _steps = 0;
        _events.IterationStarted();
        _current = null;
    }

    /// <summary>
    /// The engine thread waits here; the watchdog turns a real hang (no scheduling step for the hang
    /// timeout) into a report within that timeout, with the stuck operation's stack where it was
    /// interrupted.
    /// </summary>
    private void WaitForEnd()
    {
        var timeout = _options.HangTimeout;
        var slice = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 8, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond));
        int lastSteps = Volatile.Read(ref _steps);
        long lastProgress = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!_engineSignal.Wait(slice))
        {
            int steps = Volatile.Read(ref _steps);
            if (steps != lastSteps || _waitingForForeignWork)
            {
                lastSteps = steps;
                lastProgress = System.Diagnostics.Stopwatch.GetTimestamp();
                continue;
            }

            if (System.Diagnostics.Stopwatch.GetElapsedTime(lastProgress) < timeout)
            {
                continue;
            }

            var stuck = _current;
            _hangStack = null;
            _canceled = true;
            _dead = true;
            stuck?.Worker?.Thread.Interrupt();
            bool stopped = _engineSignal.Wait(TimeSpan.FromSeconds(2));
            _bug ??= RuntimeBugs.Hang(stuck?.Name, timeout, _hangStack ?? InterruptStack(stuck?.Failure));
            if (!stopped && stuck?.Worker is { } worker)
            {
                // The operation cannot be stopped: abandon its worker and end the run.
                worker.IsPoisoned = true;
                stuck.Status = OperationStatus.Completed;
            }

            return;
        }
    }

    /// <summary>The stack of the watchdog's interrupt when user code or reflection wrapped it in another exception.</summary>
    private static string? InterruptStack(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is ThreadInterruptedException)
            {
                return e.StackTrace;
            }
        }

        return null;
    }

    /// <summary>Resumes every parked operation once so that it unwinds its stack (finally blocks run).</summary>
    private void UnwindRemaining()
    {
        foreach (var operation in _operations.All)
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
