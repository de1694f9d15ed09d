namespace ScheduleExplorer.Workloads.Memory;

/// <summary>
/// Two threads write results with no lock and no failing check: whether that is a race depends only on
/// which memory they touch. Each thread its own array slot, or its own object: no race. The same slot,
/// or the same object's field: a race (the last write wins, whichever it is).
/// </summary>
public static class Partitioned
{
    /// <summary>No race: thread i writes only <c>results[i]</c>; the main thread reads after joining.</summary>
    /// <exception cref="InvalidOperationException">A result is missing (never).</exception>
    public static void OwnSlots()
    {
        var results = new int[2];
        Run(() => results[0] = 1, () => results[1] = 2);
        Check(results[0] + results[1] == 3);
    }

    /// <summary>The race: both threads write <c>results[0]</c>.</summary>
    /// <exception cref="InvalidOperationException">No result (never: one of the writes wins).</exception>
    public static void SharedSlot()
    {
        var results = new int[2];
        Run(() => results[0] = 1, () => results[0] = 2);
        Check(results[0] != 0);
    }

    /// <summary>No race: each thread writes the field of its own object, both of one class.</summary>
    /// <exception cref="InvalidOperationException">A result is missing (never).</exception>
    public static void OwnObjects()
    {
        var first = new Slot();
        var second = new Slot();
        Run(() => first.Value = 1, () => second.Value = 2);
        Check(first.Value + second.Value == 3);
    }

    /// <summary>The race: both threads write the field of one object.</summary>
    /// <exception cref="InvalidOperationException">No result (never).</exception>
    public static void SharedObject()
    {
        var shared = new Slot();
        Run(() => shared.Value = 1, () => shared.Value = 2);
        Check(shared.Value != 0);
    }

    /// <summary>No race: the same shared slot, written under one lock.</summary>
    /// <exception cref="InvalidOperationException">No result (never).</exception>
    public static void SharedSlotLocked()
    {
        var results = new int[2];
        var gate = new object();
        Run(
            () =>
            {
                lock (gate)
                {
                    results[0] = 1;
                }
            },
            () =>
            {
                lock (gate)
                {
                    results[0] = 2;
                }
            });
        Check(results[0] != 0);
    }

    /// <summary>The race through a <c>long</c> index (<c>conv.ovf.i</c> before <c>stelem</c>).</summary>
    /// <exception cref="InvalidOperationException">No result (never).</exception>
    public static void SharedSlotLongIndex()
    {
        var results = new long[2];
        long index = 1;
        Run(() => results[index] = 1, () => results[index] += 2);
        Check(results[1] != 0);
    }

    /// <summary>The race on an element of an array of structs, stored whole (<c>stelem</c> of a struct type).</summary>
    /// <exception cref="InvalidOperationException">No result (never).</exception>
    public static void SharedStructSlot()
    {
        var results = new Pair[1];
        Run(() => results[0] = new Pair(1, 1), () => results[0] = new Pair(2, 2));
        Check(results[0].Left == results[0].Right && results[0].Left != 0);
    }

    /// <summary>No race: a generic buffer's own slots (<c>T[]</c> elements, <c>stelem</c> of a type parameter).</summary>
    /// <exception cref="InvalidOperationException">A result is missing (never).</exception>
    public static void GenericOwnSlots()
    {
        var buffer = new Buffer<string>(2);
        Run(() => buffer.Put(0, "a"), () => buffer.Put(1, "b"));
        Check(buffer.Get(0) + buffer.Get(1) == "ab");
    }

    /// <summary>The race: a generic buffer's one slot, written by both threads.</summary>
    /// <exception cref="InvalidOperationException">No result (never).</exception>
    public static void GenericSharedSlot()
    {
        var buffer = new Buffer<string>(2);
        Run(() => buffer.Put(0, "a"), () => buffer.Put(0, "b"));
        Check(buffer.Get(0) is not null);
    }

    private static void Run(ThreadStart first, ThreadStart second) =>
        WorkerThreads.JoinAll(WorkerThreads.Start("worker", [first, second]));

    private static void Check(bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException("A result is missing.");
        }
    }

    private readonly record struct Pair(int Left, int Right);

    private sealed class Buffer<T>(int size)
    {
        private readonly T[] _items = new T[size];

        public void Put(int index, T item) => _items[index] = item;

        public T Get(int index) => _items[index];
    }

    private sealed class Slot
    {
        public int Value;
    }
}
