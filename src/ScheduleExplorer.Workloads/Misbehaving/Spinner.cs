namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>A thread body that spins forever on a local variable, never touching shared memory.</summary>
internal sealed class Spinner
{
    private long _result;

    /// <summary>The final local value; never meaningfully reached.</summary>
    public long Result => _result;

    /// <summary>Thread entry point; does not return in practice.</summary>
    public void Run()
    {
        long local = 0;
        while (true)
        {
            local++;

            // The exit needs 2^64 increments, so it is never taken, but it makes the loop observable:
            // the JIT cannot prove the loop dead and drop it, and the result is published below.
            if (local == -1)
            {
                break;
            }
        }

        _result = local;
    }
}
