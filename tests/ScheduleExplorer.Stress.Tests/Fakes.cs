using ScheduleExplorer.Stress.Running;

namespace ScheduleExplorer.Stress.Tests;

/// <summary>A deterministic workload: repetition i breaks when <c>breaks(i)</c>; counted when <c>lost</c> is given.</summary>
internal sealed class ScriptedWorkload(Func<int, bool> breaks, Func<int, long>? lost = null) : IStressWorkload
{
    private int _runs;

    public string Name => "scripted";

    public long? OperationsPerRepetition => 100;

    public int Runs => _runs;

    public RepetitionOutcome Run()
    {
        // Long enough to be measured: a repetition shorter than the 100 ns TimeSpan tick reads as 0 s,
        // and a rate over no measurable time is reported as unknown.
        Thread.Sleep(1);
        int run = Interlocked.Increment(ref _runs);
        if (lost is not null)
        {
            return RepetitionOutcome.FromCount(100, 100 - lost(run));
        }

        return breaks(run) ? RepetitionOutcome.Failed($"broke on run {run}") : RepetitionOutcome.Held;
    }
}

/// <summary>A workload whose third repetition blocks until released: a hang without a race.</summary>
internal sealed class BlockingWorkload : IStressWorkload, IDisposable
{
    private readonly ManualResetEventSlim _release = new(false);
    private int _runs;

    public string Name => "blocking";

    public long? OperationsPerRepetition => null;

    public RepetitionOutcome Run()
    {
        if (Interlocked.Increment(ref _runs) == 3)
        {
            _release.Wait();
        }

        return RepetitionOutcome.Held;
    }

    public void Dispose()
    {
        // Lets the abandoned repetition thread finish, so nothing outlives the test.
        _release.Set();
    }
}
