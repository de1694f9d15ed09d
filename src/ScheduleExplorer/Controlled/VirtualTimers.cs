using System.Globalization;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Timers on the virtual clock: <c>Task.Delay</c>, <c>CancelAfter</c> and timer callbacks are
/// timer operations that fire when virtual time reaches their deadline (or earlier, as a strategy
/// choice, when timers fire early), so a test of ten 5 s delays takes milliseconds of real time.
/// </summary>
internal static class VirtualTimers
{
    /// <summary>A task that completes after <paramref name="milliseconds"/> of virtual time (never for -1), or is cancelled by the token.</summary>
    public static Task Delay(ControlledOperation current, int milliseconds, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (milliseconds == 0)
        {
            return Task.CompletedTask;
        }

        var scheduler = current.Scheduler;
        var delay = new TaskCompletionSource();
        string site = ControlledSite.Current ?? "?";
        scheduler.Tasks.Register(delay.Task, milliseconds < 0 ? $"Task.Delay(infinite) at {site}" : $"Task.Delay({milliseconds.ToString(CultureInfo.InvariantCulture)} ms) at {site}");
        var timer = scheduler.StartTimer(scheduler.Tasks.NewFlowName("timer"), milliseconds, ControlledSite.Current, static s => ((TaskCompletionSource)s!).TrySetResult(), delay);
        if (cancellationToken.CanBeCanceled)
        {
            // Cancel runs the callback inline, in the (controlled) operation that cancels.
            cancellationToken.UnsafeRegister(
                static (s, token) =>
                {
                    var (t, d) = ((ControlledOperation, TaskCompletionSource))s!;
                    if (d.TrySetCanceled(token))
                    {
                        t.Scheduler.CancelTimer(t);
                    }
                },
                (timer, delay));
        }

        return delay.Task;
    }
}
