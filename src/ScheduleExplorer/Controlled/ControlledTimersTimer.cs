using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Timers;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="System.Timers.Timer"/>: under a controlled run the real timer never
/// starts; each Elapsed tick is a timer operation on the virtual clock whose handlers run under
/// control. <c>AutoReset</c>, <c>Enabled</c>, <c>Interval</c>, <c>Start</c>, <c>Stop</c>,
/// <c>Close</c> and <c>Dispose</c> (seen through the component's <c>Disposed</c> event, so
/// <c>using</c> works too) act as in .NET. A <c>SynchronizingObject</c> is refused: its
/// <c>BeginInvoke</c> would run handlers outside the scheduler.
/// </summary>
public static class ControlledTimersTimer
{
    private const double DefaultInterval = 100;
    private static readonly ConditionalWeakTable<System.Timers.Timer, VirtualElapsedTimer> s_timers = new();

    /// <inheritdoc cref="System.Timers.Timer()"/>
    public static System.Timers.Timer Create() =>
        ControlledScheduler.CurrentOperation is null ? new System.Timers.Timer() : Model(DefaultInterval);

    /// <inheritdoc cref="System.Timers.Timer(double)"/>
    public static System.Timers.Timer Create(double interval) =>
        ControlledScheduler.CurrentOperation is null ? new System.Timers.Timer(interval) : Model(VirtualElapsedTimer.Check(interval));

    /// <inheritdoc cref="System.Timers.Timer(TimeSpan)"/>
    public static System.Timers.Timer Create(TimeSpan interval) =>
        ControlledScheduler.CurrentOperation is null ? new System.Timers.Timer(interval) : Model(VirtualElapsedTimer.Check(interval.TotalMilliseconds));

    /// <inheritdoc cref="System.Timers.Timer.Elapsed"/>
    public static void add_Elapsed(System.Timers.Timer timer, ElapsedEventHandler value)
    {
        if (Of(timer) is { } model)
        {
            model.Elapsed += value;
        }
        else
        {
            timer.Elapsed += value;
        }
    }

    /// <inheritdoc cref="System.Timers.Timer.Elapsed"/>
    public static void remove_Elapsed(System.Timers.Timer timer, ElapsedEventHandler value)
    {
        if (Of(timer) is { } model)
        {
            model.Elapsed -= value;
        }
        else
        {
            timer.Elapsed -= value;
        }
    }

    /// <inheritdoc cref="System.Timers.Timer.AutoReset"/>
    public static bool get_AutoReset(System.Timers.Timer timer) => Of(timer) is { } model ? model.AutoReset : timer.AutoReset;

    /// <inheritdoc cref="System.Timers.Timer.AutoReset"/>
    public static void set_AutoReset(System.Timers.Timer timer, bool value) => Apply(timer, (op, m) => m.SetAutoReset(op, value), t => t.AutoReset = value);

    /// <inheritdoc cref="System.Timers.Timer.Enabled"/>
    public static bool get_Enabled(System.Timers.Timer timer) => Of(timer) is { } model ? model.Enabled : timer.Enabled;

    /// <inheritdoc cref="System.Timers.Timer.Enabled"/>
    public static void set_Enabled(System.Timers.Timer timer, bool value) => Apply(timer, (op, m) => m.SetEnabled(op, value), t => t.Enabled = value);

    /// <inheritdoc cref="System.Timers.Timer.Interval"/>
    public static double get_Interval(System.Timers.Timer timer) => Of(timer) is { } model ? model.Interval : timer.Interval;

    /// <inheritdoc cref="System.Timers.Timer.Interval"/>
    public static void set_Interval(System.Timers.Timer timer, double value) => Apply(timer, (op, m) => m.SetInterval(op, value), t => t.Interval = value);

    /// <inheritdoc cref="System.Timers.Timer.Start"/>
    public static void Start(System.Timers.Timer timer) => set_Enabled(timer, true);

    /// <inheritdoc cref="System.Timers.Timer.Stop"/>
    public static void Stop(System.Timers.Timer timer) => set_Enabled(timer, false);

    /// <inheritdoc cref="System.Timers.Timer.Close"/>
    public static void Close(System.Timers.Timer timer) => Apply(timer, (op, m) => m.Close(op, dispose: false), t => t.Close());

    /// <inheritdoc cref="System.Timers.Timer.SynchronizingObject"/>
    public static ISynchronizeInvoke? get_SynchronizingObject(System.Timers.Timer timer) => timer.SynchronizingObject;

    /// <inheritdoc cref="System.Timers.Timer.SynchronizingObject"/>
    /// <exception cref="UncontrolledConcurrencyException">Under control, for a non-null object.</exception>
    public static void set_SynchronizingObject(System.Timers.Timer timer, ISynchronizeInvoke? value)
    {
        if (value is not null && ControlledScheduler.CurrentOperation is not null)
        {
            throw new UncontrolledConcurrencyException("Timer.SynchronizingObject", "A SynchronizingObject runs Elapsed handlers through its own BeginInvoke, outside the scheduler: leave it null and marshal in the handler (a lock, a Channel), or use System.Threading.Timer.");
        }

        timer.SynchronizingObject = value;
    }

    private static System.Timers.Timer Model(double interval)
    {
        var timer = new System.Timers.Timer(interval) { AutoReset = true };
        var model = new VirtualElapsedTimer(timer, interval, ControlledSite.Current);
        s_timers.Add(timer, model);

        // Dispose is Component's (often called through IDisposable): its event is the one hook.
        timer.Disposed += static (sender, _) =>
        {
            if (ControlledScheduler.CurrentOperation is { } operation && s_timers.TryGetValue((System.Timers.Timer)sender!, out var disposed))
            {
                disposed.Close(operation, dispose: true);
            }
        };
        return timer;
    }

    private static VirtualElapsedTimer? Of(System.Timers.Timer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (ControlledScheduler.CurrentOperation is null)
        {
            return null;
        }

        return s_timers.TryGetValue(timer, out var model)
            ? model
            : throw new UncontrolledConcurrencyException("Timer (System.Timers)", "This System.Timers.Timer was created outside the controlled run, so its ticks are not on the virtual clock: create it in the code under test.");
    }

    private static void Apply(System.Timers.Timer timer, Action<ControlledOperation, VirtualElapsedTimer> controlled, Action<System.Timers.Timer> real)
    {
        if (Of(timer) is { } model)
        {
            controlled(ControlledScheduler.CurrentOperation!, model);
        }
        else
        {
            real(timer);
        }
    }
}
