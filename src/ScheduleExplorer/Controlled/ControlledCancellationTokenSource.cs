using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="CancellationTokenSource"/>: <c>CancelAfter</c> and the timed constructors
/// cancel from a timer on the virtual clock (an operation, so the callbacks run under control).
/// <c>Cancel</c>, <c>Register</c> and linked sources need nothing: callbacks run inline in the
/// operation that cancels.
/// </summary>
public static class ControlledCancellationTokenSource
{
    private static readonly ConditionalWeakTable<CancellationTokenSource, StrongBox<ControlledOperation?>> s_timers = new();

    /// <inheritdoc cref="CancellationTokenSource(int)"/>
    public static CancellationTokenSource Create(int millisecondsDelay)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            return new CancellationTokenSource(millisecondsDelay);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, -1);
        var source = new CancellationTokenSource();
        CancelAfter(source, millisecondsDelay);
        return source;
    }

    /// <inheritdoc cref="CancellationTokenSource(TimeSpan)"/>
    public static CancellationTokenSource Create(TimeSpan delay) =>
        ControlledScheduler.CurrentOperation is null ? new CancellationTokenSource(delay) : Create(Timeouts.ToMilliseconds(delay));

    /// <inheritdoc cref="CancellationTokenSource(TimeSpan, TimeProvider)"/>
    public static CancellationTokenSource Create(TimeSpan delay, TimeProvider timeProvider) =>
        ControlledScheduler.CurrentOperation is null || timeProvider != TimeProvider.System
            ? new CancellationTokenSource(delay, timeProvider)
            : Create(Timeouts.ToMilliseconds(delay));

    /// <inheritdoc cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>
    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            source.CancelAfter(delay);
            return;
        }

        CancelAfter(source, Timeouts.ToMilliseconds(delay));
    }

    /// <inheritdoc cref="CancellationTokenSource.CancelAfter(int)"/>
    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            source.CancelAfter(millisecondsDelay);
            return;
        }

        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, -1);
        if (source.IsCancellationRequested)
        {
            return;
        }

        // A new delay replaces the pending one, as in .NET; -1 just stops it.
        var box = s_timers.GetOrCreateValue(source);
        if (box.Value is { } pending)
        {
            operation.Scheduler.CancelTimer(pending);
        }

        box.Value = millisecondsDelay < 0
            ? null
            : operation.Scheduler.StartTimer(operation.Scheduler.Tasks.NewFlowName("CancelAfter"), millisecondsDelay, ControlledSite.Current, static state =>
            {
                try
                {
                    ((CancellationTokenSource)state!).Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Disposing the source stops its timer in .NET.
                }
            }, source);
    }
}
