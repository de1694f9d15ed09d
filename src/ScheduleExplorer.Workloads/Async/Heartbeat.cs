namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A <see cref="Timer"/> heartbeat stopped by <c>Dispose</c>: <c>Dispose</c> does not wait for a
/// callback that is already running, so in <see cref="StopRacy"/> a beat can land after the owner
/// stopped and read the final count. <see cref="StopGuarded"/> stops under the callback's lock.
/// </summary>
public sealed class Heartbeat
{
    private readonly object _gate = new();
    private int _beats;
    private bool _stopped;

    /// <summary>The bug: the count changes after the timer was disposed.</summary>
    /// <exception cref="InvalidOperationException">A beat landed after the stop.</exception>
    public static Task StopRacy() => new Heartbeat().RunAsync(guarded: false);

    /// <summary>Fixed: the callback checks a stop flag under the lock the owner stops with.</summary>
    /// <exception cref="InvalidOperationException">A beat landed after the stop.</exception>
    public static Task StopGuarded() => new Heartbeat().RunAsync(guarded: true);

    private async Task RunAsync(bool guarded)
    {
        var timer = new Timer(_ => Beat(guarded), null, 10, 10);
        await Task.Delay(25);
        int final;
        if (guarded)
        {
            lock (_gate)
            {
                _stopped = true;
                final = _beats;
            }
        }
        else
        {
            final = _beats;
        }

        timer.Dispose();
        await Task.Delay(50);
        if (_beats != final)
        {
            throw new InvalidOperationException($"The heartbeat was stopped at {final} beats, but counted {_beats}.");
        }
    }

    private void Beat(bool guarded)
    {
        if (!guarded)
        {
            int beats = _beats;
            _beats = beats + 1;
            return;
        }

        lock (_gate)
        {
            if (!_stopped)
            {
                _beats++;
            }
        }
    }
}
