using System.Collections.Concurrent;
using System.Text;

namespace ScheduleExplorer.Workloads.Collections;

/// <summary>
/// Two threads use one BCL collection. Unsynchronized, <see cref="List{T}"/>, <see cref="Dictionary{TKey, TValue}"/>
/// and <see cref="StringBuilder"/> calls overlap (on real threads: lost items, corrupted buckets, exceptions);
/// the locked and concurrent-collection versions are correct.
/// </summary>
public static class SharedCollections
{
    /// <summary>The bug: two threads <c>Add</c> to one <see cref="List{T}"/>.</summary>
    /// <exception cref="InvalidOperationException">An item was lost (on real threads, some runs only).</exception>
    public static void ListAdd() => ListAdd(locked: false);

    /// <summary>The fix: the same adds under a lock.</summary>
    public static void ListAddLocked() => ListAdd(locked: true);

    /// <summary>The bug: two threads write one <see cref="Dictionary{TKey, TValue}"/>.</summary>
    /// <exception cref="InvalidOperationException">An entry was lost (on real threads, some runs only).</exception>
    public static void DictionaryWrite() => DictionaryWrite(locked: false);

    /// <summary>The fix: the same writes under a lock.</summary>
    public static void DictionaryWriteLocked() => DictionaryWrite(locked: true);

    /// <summary>The bug: one thread appends to a <see cref="StringBuilder"/> while another reads its length.</summary>
    public static void StringBuilderAppend()
    {
        var text = new StringBuilder();
        int seen = 0;
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [() => text.Append("ab"), () => seen = text.Length]));
        GC.KeepAlive(seen);
    }

    /// <summary>Correct: two threads only read one <see cref="List{T}"/> (overlapping reads are safe).</summary>
    /// <exception cref="InvalidOperationException">A read saw a wrong value (never).</exception>
    public static void ListConcurrentReads()
    {
        var items = new List<int> { 1, 2, 3 };
        int sum1 = 0;
        int sum2 = 0;
        WorkerThreads.JoinAll(WorkerThreads.Start("reader", [() => sum1 = items[0] + items.Count, () => sum2 = items[1] + (items.Contains(3) ? 1 : 0)]));
        if (sum1 != 4 || sum2 != 3)
        {
            throw new InvalidOperationException($"Reads saw {sum1} and {sum2}");
        }
    }

    /// <summary>Correct: two threads add to one <see cref="ConcurrentDictionary{TKey, TValue}"/>.</summary>
    /// <exception cref="InvalidOperationException">An entry was lost (never).</exception>
    public static void ConcurrentDictionaryWrite()
    {
        var map = new ConcurrentDictionary<int, int>();
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [() => map[1] = 10, () => map.TryAdd(2, 20)]));
        if (map.Count != 2)
        {
            throw new InvalidOperationException($"Lost an entry: {map.Count} of 2");
        }
    }

    /// <summary>The bug (a check-then-act race on a thread-safe collection): both threads see the key missing and both count it.</summary>
    /// <exception cref="InvalidOperationException">Both threads claimed the key (some schedules only).</exception>
    public static void ConcurrentDictionaryCheckThenAct()
    {
        var map = new ConcurrentDictionary<string, int>();
        int claims = 0;
        ThreadStart claim = () =>
        {
            if (!map.ContainsKey("k"))
            {
                map["k"] = 1;
                Interlocked.Increment(ref claims);
            }
        };
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [claim, claim]));
        if (claims != 1)
        {
            throw new InvalidOperationException($"The key was claimed {claims} times");
        }
    }

    private static void ListAdd(bool locked)
    {
        var items = new List<int>();
        var gate = new object();
        ThreadStart add = () =>
        {
            if (locked)
            {
                lock (gate)
                {
                    items.Add(1);
                }
            }
            else
            {
                items.Add(1);
            }
        };
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [add, add]));
        if (items.Count != 2)
        {
            throw new InvalidOperationException($"Lost an item: {items.Count} of 2");
        }
    }

    private static void DictionaryWrite(bool locked)
    {
        var map = new Dictionary<int, int>();
        var gate = new object();
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [() => Put(map, 1, gate, locked), () => Put(map, 2, gate, locked)]));
        if (map.Count != 2)
        {
            throw new InvalidOperationException($"Lost an entry: {map.Count} of 2");
        }
    }

    private static void Put(Dictionary<int, int> map, int key, object gate, bool locked)
    {
        if (!locked)
        {
            map[key] = key;
            return;
        }

        lock (gate)
        {
            map[key] = key;
        }
    }
}
