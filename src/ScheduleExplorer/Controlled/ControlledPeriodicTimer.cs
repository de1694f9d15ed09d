using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="PeriodicTimer"/>: ticks are due every period on the virtual clock;
/// <c>WaitForNextTickAsync</c> completes at the next tick (at once when a tick passed unobserved, as
/// in .NET, where at most one tick is kept), with false once the timer is disposed.
/// </summary>
public static class ControlledPeriodicTimer
{
    private static readonly ConditionalWeakTable<PeriodicTimer, VirtualPeriodicTimer> s_timers = new();

    /// <inheritdoc cref="PeriodicTimer(TimeSpan)"/>
    public static PeriodicTimer Create(TimeSpan period)
    {
        var timer = new PeriodicTimer(period);
        if (ControlledScheduler.CurrentOperation is { } operation)
        {
            // The real timer would tick in real time: it is stopped, and the model ticks instead.
            timer.Dispose();
            s_timers.Add(timer, new VirtualPeriodicTimer(operation.Scheduler.Now, (long)period.TotalMilliseconds));
        }

        return timer;
    }

    /// <inheritdoc cref="PeriodicTimer(TimeSpan, TimeProvider)"/>
    public static PeriodicTimer Create(TimeSpan period, TimeProvider timeProvider) =>
        ControlledScheduler.CurrentOperation is null || timeProvider != TimeProvider.System ? new PeriodicTimer(period, timeProvider) : Create(period);

    /// <inheritdoc cref="PeriodicTimer.WaitForNextTickAsync(CancellationToken)"/>
    public static ValueTask<bool> WaitForNextTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || !s_timers.TryGetValue(timer, out var model))
        {
            return timer.WaitForNextTickAsync(cancellationToken);
        }

        return model.WaitForNextTick(operation, cancellationToken);
    }

    /// <inheritdoc cref="PeriodicTimer.Dispose"/>
    public static void Dispose(PeriodicTimer timer)
    {
        if (ControlledScheduler.CurrentOperation is { } operation && s_timers.TryGetValue(timer, out var model))
        {
            model.Dispose(operation);
        }

        timer.Dispose();
    }
}
