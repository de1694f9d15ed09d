using System.Timers;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// The controlled state of one <see cref="System.Timers.Timer"/>, as .NET's implementation keeps
/// it: the interval, <c>AutoReset</c>, <c>Enabled</c>, whether an underlying timer is armed (a
/// one-shot timer stays armed after its tick, so changing the interval fires it again), and the
/// pending tick, an operation on the virtual clock. Exceptions thrown by Elapsed handlers are
/// swallowed, as .NET does; harness failures (assertions, cancellation) pass through.
/// </summary>
internal sealed class VirtualElapsedTimer
{
    private readonly System.Timers.Timer _timer;
    private readonly string? _site;
    private ControlledOperation? _pending;

    public VirtualElapsedTimer(System.Timers.Timer timer, double interval, string? site)
    {
        _timer = timer;
        Interval = interval;
        _site = site;
    }

    public ElapsedEventHandler? Elapsed { get; set; }

    public double Interval { get; private set; }

    public bool AutoReset { get; private set; } = true;

    public bool Enabled { get; private set; }

    public bool IsDisposed { get; private set; }

    private bool IsArmed { get; set; }

    /// <summary>The interval in whole milliseconds, checked as the constructors and the setter check it.</summary>
    public static double Check(double interval)
    {
        double rounded = Math.Ceiling(interval);
        if (interval <= 0 || rounded > int.MaxValue || double.IsNaN(interval))
        {
            throw new ArgumentException($"Invalid value '{interval.ToString(System.Globalization.CultureInfo.InvariantCulture)}' for parameter 'interval'.", nameof(interval));
        }

        return interval;
    }

    public void SetEnabled(ControlledOperation current, bool value)
    {
        if (Enabled == value)
        {
            return;
        }

        Enabled = value;
        if (!value)
        {
            Disarm(current);
            return;
        }

        ObjectDisposedException.ThrowIf(IsDisposed && !IsArmed, _timer);
        Arm(current);
    }

    public void SetInterval(ControlledOperation current, double value)
    {
        Interval = Check(value);
        if (IsArmed)
        {
            Arm(current);
        }
    }

    public void SetAutoReset(ControlledOperation current, bool value)
    {
        if (AutoReset != value)
        {
            AutoReset = value;
            if (IsArmed)
            {
                Arm(current);
            }
        }
    }

    /// <summary><c>Close</c>, <c>Dispose</c>: stops the timer for good.</summary>
    public void Close(ControlledOperation current, bool dispose)
    {
        Enabled = false;
        Disarm(current);
        IsDisposed |= dispose;
    }

    private void Arm(ControlledOperation current)
    {
        Disarm(current);
        IsArmed = true;
        Schedule(current.Scheduler);
    }

    private void Disarm(ControlledOperation current)
    {
        IsArmed = false;
        if (_pending is { } pending)
        {
            current.Scheduler.CancelTimer(pending);
            _pending = null;
        }
    }

    private void Schedule(ControlledScheduler scheduler) =>
        _pending = scheduler.StartTimer(scheduler.Tasks.NewFlowName("Elapsed"), (long)Math.Ceiling(Interval), _site, static s => ((VirtualElapsedTimer)s!).Fire(), this);

    private void Fire()
    {
        var current = ControlledScheduler.CurrentOperation!;
        if (!ReferenceEquals(_pending, current))
        {
            return;
        }

        // The underlying timer is periodic when AutoReset: the next tick is due while handlers run.
        _pending = null;
        if (AutoReset)
        {
            Schedule(current.Scheduler);
        }
        else
        {
            Enabled = false;
        }

        try
        {
            Elapsed?.Invoke(_timer, new ElapsedEventArgs(ControlledDateTime.get_Now()));
        }
        catch (Exception e) when (e is not (ExecutionCanceledException or UncontrolledConcurrencyException or AssertionFailureException or ProcessExitException or ScheduleDivergenceException))
        {
            // System.Timers.Timer swallows every exception of its Elapsed handlers.
        }
    }
}
