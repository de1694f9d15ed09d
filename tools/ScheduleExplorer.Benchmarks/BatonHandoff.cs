using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// The raw cost of handing a baton between two parked threads with the same primitive the engine
/// uses (a <see cref="ManualResetEventSlim"/> per thread), optionally with both pinned to one CPU:
/// the hardware-and-OS floor for one controlled context switch.
/// </summary>
internal sealed class BatonHandoff : IDisposable
{
    private readonly ManualResetEventSlim _mine = new(false);
    private readonly ManualResetEventSlim _partner = new(false);
    private readonly Thread _thread;
    private readonly int _pinCpu;
    private volatile bool _stop;

    public BatonHandoff(int pinCpu)
    {
        _pinCpu = pinCpu;
        if (pinCpu >= 0)
        {
            CpuAffinity.TryPinCurrentThread(pinCpu);
        }

        _thread = new Thread(Partner) { IsBackground = true };
        _thread.Start();
    }

    /// <summary>Hands the baton over and back <paramref name="roundTrips"/> times (2 handoffs each).</summary>
    public void RoundTrips(int roundTrips)
    {
        for (int i = 0; i < roundTrips; i++)
        {
            _partner.Set();
            _mine.Wait();
            _mine.Reset();
        }
    }

    public void Dispose()
    {
        _stop = true;
        _partner.Set();
        _thread.Join();
    }

    private void Partner()
    {
        if (_pinCpu >= 0)
        {
            CpuAffinity.TryPinCurrentThread(_pinCpu);
        }

        while (true)
        {
            _partner.Wait();
            _partner.Reset();
            if (_stop)
            {
                return;
            }

            _mine.Set();
        }
    }
}
