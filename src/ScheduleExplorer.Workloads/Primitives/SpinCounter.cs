namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// A counter guarded by a <see cref="SpinLock"/>, two threads × two increments. Ignoring the
/// result of <c>TryEnter</c> increments without the lock; <c>Enter</c> waits for it.
/// </summary>
public sealed class SpinCounter
{
    private const int Increments = 2;
    private SpinLock _lock = new(enableThreadOwnerTracking: false);
    private int _count;

    /// <summary>The bug: <c>TryEnter</c>, then increment whether or not the lock was taken.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void IgnoresTryEnter() => new SpinCounter().Run(tryOnly: true);

    /// <summary>The fix: <c>Enter</c> waits for the lock.</summary>
    public static void Enters() => new SpinCounter().Run(tryOnly: false);

    private void Run(bool tryOnly)
    {
        WorkerThreads.JoinAll(WorkerThreads.Start("incrementer", [() => Increment(tryOnly), () => Increment(tryOnly)]));
        if (_count != 2 * Increments)
        {
            throw new InvalidOperationException($"Lost update under a SpinLock: {_count} of {2 * Increments}.");
        }
    }

    private void Increment(bool tryOnly)
    {
        for (int i = 0; i < Increments; i++)
        {
            bool taken = false;
            try
            {
                if (tryOnly)
                {
                    _lock.TryEnter(ref taken);
                }
                else
                {
                    _lock.Enter(ref taken);
                }

                _count++;
            }
            finally
            {
                if (taken)
                {
                    _lock.Exit();
                }
            }
        }
    }
}
