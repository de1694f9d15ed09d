using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Timer"/>: under a controlled run the real timer never fires; each tick is
/// a timer operation on the virtual clock whose callback runs under control (the next tick of a
/// periodic timer is due while the callback runs, as on the thread pool). <c>Change</c> and
/// <c>Dispose</c> reschedule or stop it.
/// </summary>
public static class ControlledTimer
{
    private static readonly ConditionalWeakTable<Timer, VirtualTimer> s_timers = new();

    /// <inheritdoc cref="Timer(TimerCallback)"/>
    public static Timer Create(TimerCallback callback) => Create(callback, null, Timeout.Infinite, Timeout.Infinite);

    /// <inheritdoc cref="Timer(TimerCallback, object, int, int)"/>
    public static Timer Create(TimerCallback callback, object? state, int dueTime, int period)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return new Timer(callback, state, dueTime, period);
        }

        ArgumentNullException.ThrowIfNull(callback);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, -1);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, -1);
        var timer = new Timer(callback, state, Timeout.Infinite, Timeout.Infinite);
        var model = new VirtualTimer(callback, state, ControlledSite.Current);
        s_timers.Add(timer, model);
        model.Change(operation, dueTime, period);
        return timer;
    }

    /// <inheritdoc cref="Timer(TimerCallback, object, long, long)"/>
    public static Timer Create(TimerCallback callback, object? state, long dueTime, long period) =>
        ControlledScheduler.CurrentOperation is null ? new Timer(callback, state, dueTime, period) : Create(callback, state, ToInt(dueTime), ToInt(period));

    /// <inheritdoc cref="Timer(TimerCallback, object, uint, uint)"/>
    public static Timer Create(TimerCallback callback, object? state, uint dueTime, uint period) =>
        ControlledScheduler.CurrentOperation is null ? new Timer(callback, state, dueTime, period) : Create(callback, state, unchecked((int)dueTime), unchecked((int)period));

    /// <inheritdoc cref="Timer(TimerCallback, object, TimeSpan, TimeSpan)"/>
    public static Timer Create(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        ControlledScheduler.CurrentOperation is null ? new Timer(callback, state, dueTime, period) : Create(callback, state, Timeouts.ToMilliseconds(dueTime), Timeouts.ToMilliseconds(period));

    /// <inheritdoc cref="Timer.Change(int, int)"/>
    public static bool Change(Timer timer, int dueTime, int period)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !s_timers.TryGetValue(timer, out var model))
        {
            return timer.Change(dueTime, period);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, -1);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, -1);
        ObjectDisposedException.ThrowIf(model.IsDisposed, timer);
        model.Change(operation, dueTime, period);
        return true;
    }

    /// <inheritdoc cref="Timer.Change(long, long)"/>
    public static bool Change(Timer timer, long dueTime, long period) => Change(timer, ToInt(dueTime), ToInt(period));

    /// <inheritdoc cref="Timer.Change(uint, uint)"/>
    public static bool Change(Timer timer, uint dueTime, uint period) => Change(timer, unchecked((int)dueTime), unchecked((int)period));

    /// <inheritdoc cref="Timer.Change(TimeSpan, TimeSpan)"/>
    public static bool Change(Timer timer, TimeSpan dueTime, TimeSpan period) => Change(timer, Timeouts.ToMilliseconds(dueTime), Timeouts.ToMilliseconds(period));

    /// <inheritdoc cref="Timer.Dispose()"/>
    public static void Dispose(Timer timer)
    {
        if (ControlledScheduler.CurrentOperation is { } operation && s_timers.TryGetValue(timer, out var model))
        {
            model.Dispose(operation);
        }

        timer.Dispose();
    }

    /// <inheritdoc cref="Timer.DisposeAsync"/>
    public static ValueTask DisposeAsync(Timer timer)
    {
        Dispose(timer);
        return ValueTask.CompletedTask;
    }

    private static int ToInt(long milliseconds) => milliseconds > int.MaxValue ? int.MaxValue : (int)milliseconds;
}
