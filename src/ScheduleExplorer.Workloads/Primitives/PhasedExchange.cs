namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Two workers exchange a value every round through a <see cref="Barrier"/>: each publishes its
/// round number, waits at the barrier, then reads the other's. With one barrier per round a fast
/// worker overwrites its cell for the next round before the slow one has read it; a second barrier
/// (after reading) fixes it. The post-phase action counts the phases.
/// </summary>
public sealed class PhasedExchange
{
    private const int Rounds = 2;
    private readonly int[] _cells = new int[2];
    private readonly Barrier _barrier;
    private int _phases;

    private PhasedExchange() => _barrier = new Barrier(2, _ => _phases++);

    /// <summary>The bug: one barrier per round (the next round's write races with this round's read).</summary>
    /// <exception cref="InvalidOperationException">A worker saw the other's next round (some schedules only).</exception>
    public static void OneBarrierPerRound() => new PhasedExchange().Run(1);

    /// <summary>The fix: a second barrier after the read.</summary>
    public static void TwoBarriersPerRound() => new PhasedExchange().Run(2);

    private void Run(int barriersPerRound)
    {
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [() => Work(0, barriersPerRound), () => Work(1, barriersPerRound)]));
        if (_phases != Rounds * barriersPerRound)
        {
            throw new InvalidOperationException($"{_phases} phases completed, expected {Rounds * barriersPerRound}.");
        }
    }

    private void Work(int me, int barriersPerRound)
    {
        for (int round = 1; round <= Rounds; round++)
        {
            _cells[me] = round;
            _barrier.SignalAndWait();
            int other = _cells[1 - me];
            if (other != round)
            {
                throw new InvalidOperationException($"Worker {me} in round {round} read {other} from its neighbour.");
            }

            if (barriersPerRound == 2)
            {
                _barrier.SignalAndWait();
            }
        }
    }
}
