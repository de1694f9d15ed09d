namespace ScheduleExplorer.Workloads.RealWorld;

/// <summary>
/// CPU-bound work: counting the primes below a limit by trial division, split into blocks of
/// <see cref="BlockSize"/> numbers. The same blocks are counted sequentially, with <c>Parallel.For</c>,
/// with plain threads, and with <c>async</c> code that awaits a <c>Task.Run</c> per block, so the only
/// difference between the runs is how the blocks reach the cores.
/// </summary>
public static class PrimeCounting
{
    /// <summary>Numbers per block: small enough to balance the load, large enough to dwarf the hand-out cost.</summary>
    public const int BlockSize = 8_192;

    /// <summary>Whether <paramref name="n"/> is prime (trial division by odd numbers up to √n).</summary>
    public static bool IsPrime(int n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n % 2 == 0)
        {
            return n == 2;
        }

        for (var d = 3; (long)d * d <= n; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Number of blocks the range [0, <paramref name="limit"/>) is split into.</summary>
    public static int Blocks(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return (int)(((long)limit + BlockSize - 1) / BlockSize);
    }

    /// <summary>Primes in block <paramref name="block"/> of [0, <paramref name="limit"/>).</summary>
    public static long CountBlock(int limit, int block)
    {
        int start = block * BlockSize;
        int end = (int)Math.Min((long)start + BlockSize, limit);
        long count = 0;
        for (var n = start; n < end; n++)
        {
            if (IsPrime(n))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Counts the primes below <paramref name="limit"/> on the calling thread.</summary>
    public static long Sequential(int limit)
    {
        long count = 0;
        int blocks = Blocks(limit);
        for (var block = 0; block < blocks; block++)
        {
            count += CountBlock(limit, block);
        }

        return count;
    }

    /// <summary>Counts with <c>Parallel.For</c> (a thread-local subtotal per worker), at most <paramref name="degree"/> blocks at a time.</summary>
    public static long ParallelFor(int limit, int degree)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degree);
        long total = 0;
        Parallel.For(
            0,
            Blocks(limit),
            new ParallelOptions { MaxDegreeOfParallelism = degree },
            () => 0L,
            (block, _, subtotal) => subtotal + CountBlock(limit, block),
            subtotal => Interlocked.Add(ref total, subtotal));
        return total;
    }

    /// <summary>
    /// Counts on <paramref name="threads"/> new threads that take blocks from a shared
    /// <see cref="Interlocked.Increment(ref int)"/> cursor until none is left, and sum after the joins.
    /// </summary>
    public static long Threads(int limit, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var work = new BlockCursor(limit);
        var workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            workers[i] = new Thread(work.Run) { Name = $"primes {i}", IsBackground = true };
            workers[i].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        return work.Total;
    }

    /// <summary>
    /// The async pitfall: <paramref name="lanes"/> async loops that each <c>await Task.Run</c> one block at a
    /// time. It runs on the same thread pool as everything else, so it is no faster than threads, and each
    /// block pays a task, a queue hop and a continuation on top of the work.
    /// </summary>
    public static async Task<long> AwaitTaskRunPerBlockAsync(int limit, int lanes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lanes);
        int blocks = Blocks(limit);
        var loops = new Task<long>[lanes];
        for (var lane = 0; lane < lanes; lane++)
        {
            loops[lane] = LaneAsync(limit, lane, lanes, blocks);
        }

        long[] counts = await Task.WhenAll(loops).ConfigureAwait(false);
        return counts.Sum();
    }

    private static async Task<long> LaneAsync(int limit, int lane, int lanes, int blocks)
    {
        long count = 0;
        for (int block = lane; block < blocks; block += lanes)
        {
            int current = block;
            count += await Task.Run(() => CountBlock(limit, current)).ConfigureAwait(false);
        }

        return count;
    }

    private sealed class BlockCursor(int limit)
    {
        private readonly int _blocks = Blocks(limit);
        private int _next = -1;
        private long _total;

        public long Total => Interlocked.Read(ref _total);

        public void Run()
        {
            long count = 0;
            int block;
            while ((block = Interlocked.Increment(ref _next)) < _blocks)
            {
                count += CountBlock(limit, block);
            }

            Interlocked.Add(ref _total, count);
        }
    }
}
