using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>The controlled state of one <see cref="PeriodicTimer"/>: the next tick and the pending wait.</summary>
internal sealed class VirtualPeriodicTimer
{
    private readonly long _period;
    private long _nextTick;
    private TaskCompletionSource<bool>? _waiting;
    private ControlledOperation? _timer;
    private bool _disposed;

    public VirtualPeriodicTimer(long now, long period)
    {
        _period = Math.Max(1, period);
        _nextTick = now + _period;
    }

    public ValueTask<bool> WaitForNextTick(ControlledOperation current, CancellationToken cancellationToken)
    {
        if (_waiting is not null)
        {
            throw new InvalidOperationException("Operation is not valid due to the current state of the object: only one wait for the next tick may be pending.");
        }

        if (_disposed)
        {
            return ValueTask.FromResult(false);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(cancellationToken);
        }

        var scheduler = current.Scheduler;
        if (scheduler.Now >= _nextTick)
        {
            Advance(scheduler.Now);
            return ValueTask.FromResult(true);
        }

        var waiting = new TaskCompletionSource<bool>();
        _waiting = waiting;
        scheduler.Tasks.Register(waiting.Task, ControlledTasks.Describe("PeriodicTimer.WaitForNextTickAsync", ControlledSite.Current));
        _timer = scheduler.StartTimer(scheduler.Tasks.NewFlowName("periodic timer"), _nextTick - scheduler.Now, ControlledSite.Current, static s => ((VirtualPeriodicTimer)s!).Tick(), this);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.UnsafeRegister(
                static (s, token) =>
                {
                    var timer = (VirtualPeriodicTimer)s!;
                    if (timer._waiting is { } pending && pending.TrySetCanceled(token))
                    {
                        timer._waiting = null;
                        timer.StopTimer(ControlledScheduler.CurrentOperation);
                    }
                },
                this);
        }

        return new ValueTask<bool>(waiting.Task);
    }

    public void Dispose(ControlledOperation current)
    {
        _disposed = true;
        StopTimer(current);
        var waiting = _waiting;
        _waiting = null;
        waiting?.TrySetResult(false);
    }

    private void Tick()
    {
        var current = ControlledScheduler.CurrentOperation!;
        if (!ReferenceEquals(_timer, current))
        {
            return;
        }

        _timer = null;
        Advance(current.Scheduler.Now);
        var waiting = _waiting;
        _waiting = null;
        waiting?.TrySetResult(true);
    }

    private void Advance(long now)
    {
        while (_nextTick <= now)
        {
            _nextTick += _period;
        }
    }

    private void StopTimer(ControlledOperation? current)
    {
        if (_timer is { } timer)
        {
            current?.Scheduler.CancelTimer(timer);
            _timer = null;
        }
    }
}
