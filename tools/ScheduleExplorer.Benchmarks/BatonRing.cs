using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// A baton passed around a ring of <c>n</c> parked threads (one <see cref="ManualResetEventSlim"/>
/// each, as the engine's workers): the raw handoff cost when there are as many threads as a
/// workload has operations, pinned to one CPU or not.
/// </summary>
internal sealed class BatonRing : IDisposable
{
    private readonly ManualResetEventSlim[] _batons;
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim _done = new(false);
    private readonly int _pinCpu;
    private int _remaining;
    private volatile bool _stop;

    public BatonRing(int size, int pinCpu)
    {
        _pinCpu = pinCpu;
        _batons = [.. Enumerable.Range(0, size).Select(_ => new ManualResetEventSlim(false))];
        _threads = [.. Enumerable.Range(0, size).Select(i => new Thread(() => Member(i)) { IsBackground = true })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Passes the baton <paramref name="handoffs"/> times around the ring and waits for the end.</summary>
    public void Pass(int handoffs)
    {
        _remaining = handoffs;
        _done.Reset();
        _batons[0].Set();
        _done.Wait();
    }

    public void Dispose()
    {
        _stop = true;
        foreach (var baton in _batons)
        {
            baton.Set();
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Member(int index)
    {
        if (_pinCpu >= 0)
        {
            CpuAffinity.TryPinCurrentThread(_pinCpu);
        }

        var mine = _batons[index];
        var next = _batons[(index + 1) % _batons.Length];
        while (true)
        {
            mine.Wait();
            mine.Reset();
            if (_stop)
            {
                return;
            }

            // Only the baton holder runs, so a plain decrement is safe.
            if (--_remaining <= 0)
            {
                _done.Set();
            }
            else
            {
                next.Set();
            }
        }
    }
}
