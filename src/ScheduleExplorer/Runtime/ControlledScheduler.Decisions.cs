using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The decision path of the controlled scheduler: from a scheduling point to the operation that runs
/// next (fairness filters the enabled set, the strategy picks, the decision is published), the switch
/// itself, and the ends of an iteration at a point (step bound, nothing enabled, divergence).
/// </summary>
internal sealed partial class ControlledScheduler
{
    /// <summary>The operation to run next; null when nothing can run, or when a replay diverged.</summary>
    private ControlledOperation? PickNext(ControlledOperation current, SchedulingPointKind kind, string? site, string? target)
    {
        if (_events.ObservesEffects)
        {
            NoteCompletedAwaits();
        }

        // Whether the running operation could go on; it only changes here if the clock moves.
        long now = Now;
        bool currentEnabled = current.IsEnabled(now);
        var enabled = _operations.Enabled(allowEarlyTimers: !currentEnabled);
        if (enabled.IsEmpty)
        {
            return null;
        }

        if (Now != now)
        {
            // Time passed: whatever waited on it is enabled by the step that ended, for partial-order reduction.
            RecordEffect(StepEffect.Everything, isWrite: true);
        }

        int chosen = _strategy.ChooseOperation(Fairness.Filter(enabled, current.Id, kind), current.Id, kind, site, target, new PendingPoints(_operations));
        if (chosen < 0)
        {
            _canceled = true;
            return null;
        }

        Fairness.Chosen(chosen);

        var next = _operations[chosen];
        Debug.Assert(next.IsEnabled(Now) || next.FiresEarly, "the strategy must choose an enabled operation (or a timer due first)");
        if (next is { Status: OperationStatus.Blocked, FiresEarly: true } && next.Deadline > Now && next.BlockedOn?.CanProceed(next) != true)
        {
            // A timer fired before everything else waited: that much time has passed.
            _operations.AdvanceTo(next.Deadline);
            RecordEffect(StepEffect.Everything, isWrite: true);
        }

        bool couldGoOn = Now == now ? currentEnabled : current.IsEnabled(Now);
        _events.Decision(new DecisionEvent(_steps, current.Id, kind, site, target, enabled.Length, chosen, couldGoOn));
        return next;
    }

    [DoesNotReturn]
    private T EndOnDivergence<T>()
    {
        _canceled = true;
        throw new ExecutionCanceledException();
    }

    private void SwitchTo(ControlledOperation from, ControlledOperation to)
    {
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
            operation.BlockedOn = null;
            operation.Deadline = long.MaxValue;
        }
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
            Fail(RuntimeBugs.Livelock(_options.MaxSteps, operation.Name, _operations.All.Where(o => o.Status != OperationStatus.Completed).Select(o => o.Name)));
        }

        _canceled = true;
        throw new ExecutionCanceledException();
    }

    /// <summary>Nothing can run from a scheduling point: a deadlock, or the end when only background work is left.</summary>
    [DoesNotReturn]
    private void EndWithNothingEnabled()
    {
        if (ExplainNothingEnabled() is { } bug)
        {
            Fail(bug);
        }

        _canceled = true;
        throw new ExecutionCanceledException();
    }

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
}
