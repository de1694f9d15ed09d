using System.Collections.Concurrent;

namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Parallel loops with a <see cref="ParallelLoopState"/>, thread-local state and a range
/// partitioner: each bug is an unsynchronized shared write, each fix a lock or <c>Interlocked</c>.
/// </summary>
public sealed class ParallelLoopStates
{
    private static readonly int[] s_items = [5, 1, 7, 1, 1, 9, 1, 2];
    private readonly object _gate = new();
    private long _first = long.MaxValue;
    private int _total;

    /// <summary>The bug: the first match is kept with an unlocked check-then-set before <c>Break</c>.</summary>
    /// <exception cref="InvalidOperationException">The kept match is not the loop's lowest break.</exception>
    public static void FirstMatchRacy()
    {
        var search = new ParallelLoopStates();
        var result = Parallel.For(0, s_items.Length, (i, state) =>
        {
            if (s_items[i] == 1)
            {
                if (i < search._first)
                {
                    search._first = i;
                }

                state.Break();
            }
        });
        search.CheckFirst(result);
    }

    /// <summary>Fixed: the check-then-set is under a lock.</summary>
    /// <exception cref="InvalidOperationException">The kept match is not the loop's lowest break.</exception>
    public static void FirstMatchLocked()
    {
        var search = new ParallelLoopStates();
        var result = Parallel.For(0L, s_items.Length, (i, state) =>
        {
            if (s_items[i] == 1)
            {
                lock (search._gate)
                {
                    search._first = Math.Min(search._first, i);
                }

                state.Break();
            }
        });
        search.CheckFirst(result);
    }

    /// <summary>.NET's rules: Stop skips what has not started, and Break after Stop throws.</summary>
    /// <exception cref="InvalidOperationException">A rule did not hold.</exception>
    public static void StopThenBreakThrows()
    {
        int thrown = 0;
        var result = Parallel.ForEach(s_items, new ParallelOptions { MaxDegreeOfParallelism = 2 }, (item, state, index) =>
        {
            if (index == 2)
            {
                state.Stop();
                try
                {
                    state.Break();
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref thrown);
                }
            }
        });
        if (result.IsCompleted || result.LowestBreakIteration is not null || thrown != 1)
        {
            throw new InvalidOperationException($"Stop then Break: completed {result.IsCompleted}, lowest break {result.LowestBreakIteration}, thrown {thrown}.");
        }
    }

    /// <summary>The bug: each worker's local sum is added with a plain <c>+=</c> in <c>localFinally</c>.</summary>
    /// <exception cref="InvalidOperationException">A local sum was lost.</exception>
    public static void LocalSumsUnsynchronized()
    {
        var sums = new ParallelLoopStates();
        Parallel.For(0, 8, () => 0, (i, _, local) => local + i + 1, local => sums._total += local);
        sums.CheckTotal(36);
    }

    /// <summary>Fixed: <c>localFinally</c> adds with <c>Interlocked.Add</c>.</summary>
    /// <exception cref="InvalidOperationException">A local sum was lost.</exception>
    public static void LocalSumsInterlocked()
    {
        var sums = new ParallelLoopStates();
        Parallel.ForEach(Enumerable.Range(1, 8), () => 0, (item, _, local) => local + item, local => Interlocked.Add(ref sums._total, local));
        sums.CheckTotal(36);
    }

    /// <summary>The bug: the bodies of a range partitioner's chunks add to a shared total with <c>+=</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static void RangesUnsynchronized()
    {
        var sums = new ParallelLoopStates();
        Parallel.ForEach(Partitioner.Create(0, 8, 2), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                sums._total += i + 1;
            }
        });
        sums.CheckTotal(36);
    }

    /// <summary>Fixed: each chunk sums locally and adds once with <c>Interlocked.Add</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static void RangesInterlocked()
    {
        var sums = new ParallelLoopStates();
        Parallel.ForEach(Partitioner.Create(0, 8, 2), (range, _, _) =>
        {
            int sum = 0;
            for (int i = range.Item1; i < range.Item2; i++)
            {
                sum += i + 1;
            }

            Interlocked.Add(ref sums._total, sum);
        });
        sums.CheckTotal(36);
    }

    private void CheckFirst(ParallelLoopResult result)
    {
        if (result.IsCompleted || result.LowestBreakIteration != 1 || _first != 1)
        {
            throw new InvalidOperationException($"First match kept as {_first}, the loop broke at {result.LowestBreakIteration}.");
        }
    }

    private void CheckTotal(int expected)
    {
        if (_total != expected)
        {
            throw new InvalidOperationException($"Lost update in a parallel loop: expected {expected}, got {_total}.");
        }
    }
}
