namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Orders tallied under striped locks: each order gets a <see cref="Guid"/> id, and its stripe is
/// the id's string hash code modulo the stripe count. Four threads record one order each. Updating
/// the shared total under the order's stripe lock loses updates whenever two orders land in different
/// stripes; which stripes they land in depends on the GUIDs and on string hashing, both of which
/// differ from one process to the next on real threads (under control they are the same in every
/// iteration and replay). Updating the total with <see cref="Interlocked"/> does not lose updates.
/// </summary>
public sealed class StripedTally
{
    private const int Orders = 4;
    private readonly object[] _stripes = [new(), new()];
    private readonly int[] _perStripe = new int[2];
    private int _total;

    /// <summary>The bug: the total is guarded by whichever stripe the order hashed to.</summary>
    /// <exception cref="InvalidOperationException">An order was lost (some schedules only).</exception>
    public static void TotalUnderStripeLock() => new StripedTally().Run(interlocked: false);

    /// <summary>The fix: the total is updated atomically.</summary>
    public static void TotalInterlocked() => new StripedTally().Run(interlocked: true);

    /// <summary>
    /// The same fix, with stripes chosen by <see cref="HashCode.Combine{T1}(T1)"/>, whose seed differs
    /// between processes and cannot be controlled: the static scan warns that a schedule depending on
    /// it may not replay.
    /// </summary>
    public static void CombinedHashStripes() => new StripedTally().Run(interlocked: true, combine: true);

    private void Run(bool interlocked, bool combine = false)
    {
        var workers = new ThreadStart[Orders];
        for (int i = 0; i < Orders; i++)
        {
            workers[i] = () => Record(Guid.NewGuid().ToString("N"), interlocked, combine);
        }

        WorkerThreads.JoinAll(WorkerThreads.Start("order", workers));
        if (_total != Orders || _perStripe[0] + _perStripe[1] != Orders)
        {
            throw new InvalidOperationException($"Lost an order: the total says {_total} of {Orders}.");
        }
    }

    private void Record(string id, bool interlocked, bool combine)
    {
        int hash = combine ? HashCode.Combine(id) : id.GetHashCode();
        int stripe = (hash & int.MaxValue) % _stripes.Length;
        lock (_stripes[stripe])
        {
            _perStripe[stripe]++;
            if (interlocked)
            {
                Interlocked.Increment(ref _total);
            }
            else
            {
                _total++;
            }
        }
    }
}
