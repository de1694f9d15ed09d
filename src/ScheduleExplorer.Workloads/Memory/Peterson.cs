namespace ScheduleExplorer.Workloads.Memory;

/// <summary>
/// Peterson's lock for two threads on <c>volatile</c> fields: raise your flag, give the other the
/// turn, wait while the other's flag is up and it is the other's turn. Correct under sequential
/// consistency; under total store order (x64) the flag store can wait in the store buffer past the
/// load of the other's flag, so both threads enter. A <see cref="Thread.MemoryBarrier"/> after the
/// turn store fixes it.
/// </summary>
public sealed class Peterson
{
    private readonly bool _fenced;
    private volatile bool _flag0;
    private volatile bool _flag1;
    private volatile int _turn;
    private int _inside;

    private Peterson(bool fenced) => _fenced = fenced;

    /// <summary>The bug under store buffering: no fence.</summary>
    /// <exception cref="InvalidOperationException">Both threads were in the critical section at once.</exception>
    public static void VolatileFields() => new Peterson(fenced: false).Run();

    /// <summary>The fix: a full fence between the stores and the loads.</summary>
    /// <exception cref="InvalidOperationException">Never.</exception>
    public static void Fenced() => new Peterson(fenced: true).Run();

    private void Run() => WorkerThreads.JoinAll(WorkerThreads.Start(["thread0", "thread1"], [() => Enter(0), () => Enter(1)]));

    private void Enter(int me)
    {
        if (me == 0)
        {
            _flag0 = true;
            _turn = 1;
        }
        else
        {
            _flag1 = true;
            _turn = 0;
        }

        if (_fenced)
        {
            Thread.MemoryBarrier();
        }

        while ((me == 0 ? _flag1 : _flag0) && _turn != me)
        {
            Thread.Yield();
        }

        if (Interlocked.Increment(ref _inside) != 1)
        {
            throw new InvalidOperationException("Both threads are in the critical section.");
        }

        Interlocked.Decrement(ref _inside);
        if (me == 0)
        {
            _flag0 = false;
        }
        else
        {
            _flag1 = false;
        }
    }
}
