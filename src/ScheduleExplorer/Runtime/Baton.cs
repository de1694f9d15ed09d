using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The signal one parked thread waits on until another hands it control: a short busy spin, then a
/// spin that yields the core, then a futex wait (<see cref="ManualResetEventSlim"/> without its own
/// spin). A handoff that lands while the waiter spins costs well under a microsecond; a futex
/// wake-up costs tens of microseconds on a virtual machine. Yielding lets the running operation have
/// a core while several workers wait on few cores. On a machine busy with other processes, though,
/// one <c>sched_yield</c> can give the core away for a whole time slice: a yield that takes that
/// long stops yielding in the whole process for a while, and waiters sleep on the futex instead.
/// </summary>
internal sealed class Baton : IDisposable
{
    // Measured on 2 cores with `… Benchmarks -- switches`, idle and beside two CPU-bound processes.
    private static readonly long s_busyTicks = Ticks(microseconds: 2);
    private static readonly long s_yieldTicks = Ticks(microseconds: 200);
    private static readonly long s_slowYieldTicks = Ticks(microseconds: 1_000);
    private static readonly long s_backOffTicks = Ticks(microseconds: 100_000);
    private static long s_noYieldUntil;

    private readonly ManualResetEventSlim _event = new(initialState: false, spinCount: 1);
    private readonly bool _spins;

    /// <summary>Creates a baton; one that does not <paramref name="spin"/> always sleeps on the futex.</summary>
    public Baton(bool spin = true) => _spins = spin;

    /// <summary>Whether the baton has been handed over and not taken back yet.</summary>
    public bool IsSet => _event.IsSet;

    /// <summary>Hands the baton over (wakes the waiter if it already sleeps).</summary>
    public void Set() => _event.Set();

    /// <summary>Takes the baton back, for the next wait.</summary>
    public void Reset() => _event.Reset();

    /// <summary>Waits until the baton is handed over.</summary>
    public void Wait()
    {
        if (!Spin())
        {
            _event.Wait();
        }
    }

    /// <summary>Waits until the baton is handed over or <paramref name="timeout"/> passes; false on timeout.</summary>
    public bool Wait(TimeSpan timeout) => Spin() || _event.Wait(timeout);

    public void Dispose() => _event.Dispose();

    /// <summary>Spins, then yields, for the spin window; true as soon as the baton is set.</summary>
    private bool Spin()
    {
        if (_event.IsSet)
        {
            return true;
        }

        if (!_spins)
        {
            return false;
        }

        long start = Stopwatch.GetTimestamp();
        do
        {
            for (int i = 0; i < 8; i++)
            {
                Thread.SpinWait(1);
                if (_event.IsSet)
                {
                    return true;
                }
            }
        }
        while (Stopwatch.GetTimestamp() < start + s_busyTicks);

        long before = Stopwatch.GetTimestamp();
        while (before < start + s_yieldTicks && before >= Volatile.Read(ref s_noYieldUntil))
        {
            Thread.Yield();
            if (_event.IsSet)
            {
                return true;
            }

            long after = Stopwatch.GetTimestamp();
            if (after - before > s_slowYieldTicks)
            {
                // Another process had the core for a time slice.
                Volatile.Write(ref s_noYieldUntil, after + s_backOffTicks);
            }

            before = after;
        }

        return _event.IsSet;
    }

    private static long Ticks(double microseconds) => (long)(microseconds * Stopwatch.Frequency / 1_000_000);
}
