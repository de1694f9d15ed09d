using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>The controlled state of one <see cref="Timer"/>: its callback and its pending tick.</summary>
internal sealed class VirtualTimer
{
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly string? _site;
    private ControlledOperation? _pending;
    private int _period = Timeout.Infinite;

    public VirtualTimer(TimerCallback callback, object? state, string? site)
    {
        _callback = callback;
        _state = state;
        _site = site;
    }

    public bool IsDisposed { get; private set; }

    /// <summary>Replaces the pending tick: the next is due after <paramref name="dueTime"/> ms (-1: none), then every <paramref name="period"/> ms.</summary>
    public void Change(ControlledOperation current, int dueTime, int period)
    {
        Stop(current);
        _period = period;
        if (dueTime >= 0)
        {
            Schedule(current.Scheduler, dueTime);
        }
    }

    public void Dispose(ControlledOperation current)
    {
        Stop(current);
        IsDisposed = true;
    }

    private void Stop(ControlledOperation current)
    {
        if (_pending is { } pending)
        {
            current.Scheduler.CancelTimer(pending);
            _pending = null;
        }
    }

    private void Schedule(ControlledScheduler scheduler, int delay)
    {
        _pending = scheduler.StartTimer(scheduler.Tasks.NewFlowName("timer callback"), delay, _site, static s => ((VirtualTimer)s!).Fire(), this);
    }

    private void Fire()
    {
        var current = ControlledScheduler.CurrentOperation!;
        if (IsDisposed || !ReferenceEquals(_pending, current))
        {
            return;
        }

        _pending = null;
        if (_period > 0)
        {
            Schedule(current.Scheduler, _period);
        }

        _callback(_state);
    }
}
