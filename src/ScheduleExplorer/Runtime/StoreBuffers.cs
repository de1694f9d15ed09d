namespace ScheduleExplorer.Runtime;

/// <summary>
/// Total store order (x86-TSO, which the .NET memory model permits): each operation's stores to
/// fields and statics, plain or <c>volatile</c>, may sit in a per-operation FIFO buffer, so another
/// operation's later load of that location can still see the value from before the store.
/// <list type="bullet">
/// <item>Memory always holds the newest value, so the storing operation reads its own stores; what
/// is buffered is their <em>visibility</em>: each entry keeps the value from before the store.</item>
/// <item>A load by another operation of a location with a buffered store is a recorded data choice
/// (<see cref="SchedulingPointKind.StaleRead"/>): 0 flushes the owner's buffer through that store
/// (the sequentially consistent path, explored first), 1 returns the old value.</item>
/// <item>The owner's buffer is flushed, in order, at its every scheduling point that is not a plain
/// load or store (locks, <c>Interlocked</c>, <c>Thread.MemoryBarrier</c>, thread start, join, await)
/// and when it completes. Stores to one location become visible in the order they were made (memory
/// holds the last), so flushing one first flushes the earlier stores of others to that location.</item>
/// <item>An operation reads its own latest store to a location unless a later one is visible (no choice).</item>
/// <item>Accesses whose location is not known (through an address, <c>Interlocked</c>,
/// <c>Volatile.Read</c>/<c>Write</c>, untracked fields) flush every buffer, and a store to an array
/// element flushes its own: such stores are not buffered, so an earlier buffered store must not
/// overtake them. The model thus allows a subset of TSO's behaviours: every outcome it shows is one
/// real hardware may show.</item>
/// </list>
/// </summary>
internal sealed class StoreBuffers
{
    private readonly List<BufferedStore> _entries = [];

    /// <summary>Whether stores are buffered at all (<see cref="SchedulerOptions.StoreBuffering"/>).</summary>
    public bool Enabled { get; init; }

    /// <summary>Whether no store is buffered (the fast path of every hook).</summary>
    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Records that <paramref name="owner"/> has just stored field <paramref name="location"/> of <paramref name="instance"/>, which held <paramref name="oldValue"/>.</summary>
    public void Store(ControlledOperation owner, object instance, string location, object? oldValue) =>
        _entries.Add(new BufferedStore(owner, instance, location, oldValue));

    /// <summary>
    /// A load by <paramref name="reader"/> of field <paramref name="location"/> of <paramref name="instance"/>
    /// at <paramref name="site"/>: true with an older value than memory holds when a buffered store hides
    /// the newer one: the reader's own latest store when others' later ones are buffered, or, when the
    /// schedule chooses so, the value from before others' buffered stores.
    /// </summary>
    public bool TryStale(ControlledScheduler scheduler, ControlledOperation reader, object instance, string location, string? site, out object? oldValue)
    {
        oldValue = null;
        int first = -1;
        int last = -1;
        int own = -1;
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].IsTo(instance, location))
            {
                first = first < 0 ? i : first;
                last = i;
                own = ReferenceEquals(_entries[i].Owner, reader) ? i : own;
            }
        }

        if (first < 0 || own == last)
        {
            return false;
        }

        if (own >= 0)
        {
            // Store forwarding: the reader sees its own store, which the next one to the location replaced in memory.
            oldValue = _entries[Next(own, instance, location)].OldValue;
            return true;
        }

        if (!scheduler.ChooseStaleRead(reader, site, location))
        {
            PublishThrough(scheduler, last);
            Compact();
            return false;
        }

        oldValue = _entries[first].OldValue;
        return true;
    }

    /// <summary>Makes every store of <paramref name="owner"/> visible, in order.</summary>
    public void Flush(ControlledScheduler scheduler, ControlledOperation owner)
    {
        int last = _entries.FindLastIndex(e => ReferenceEquals(e.Owner, owner));
        if (last >= 0)
        {
            PublishThrough(scheduler, last);
            Compact();
        }
    }

    /// <summary>Makes every buffered store visible.</summary>
    public void FlushAll(ControlledScheduler scheduler)
    {
        foreach (BufferedStore entry in _entries)
        {
            scheduler.RecordEffect(entry.Location, isWrite: true);
        }

        _entries.Clear();
    }

    /// <summary>Forgets every buffer (a new iteration).</summary>
    public void Clear() => _entries.Clear();

    /// <summary>
    /// Publishes entry <paramref name="index"/> and, first, what must be visible before it: its owner's
    /// earlier stores (FIFO) and every earlier store to the same location (one order per location).
    /// </summary>
    private void PublishThrough(ControlledScheduler scheduler, int index)
    {
        BufferedStore target = _entries[index];
        for (int i = 0; i <= index; i++)
        {
            BufferedStore entry = _entries[i];
            if (entry.Published || !ReferenceEquals(entry.Owner, target.Owner))
            {
                continue;
            }

            for (int j = 0; j < i; j++)
            {
                if (!_entries[j].Published && !ReferenceEquals(_entries[j].Owner, target.Owner) && _entries[j].IsTo(entry.Instance, entry.Location))
                {
                    PublishThrough(scheduler, j);
                }
            }

            entry.Published = true;
            scheduler.RecordEffect(entry.Location, isWrite: true);
        }
    }

    private void Compact() => _entries.RemoveAll(e => e.Published);

    private int Next(int after, object instance, string location)
    {
        for (int i = after + 1; i < _entries.Count; i++)
        {
            if (_entries[i].IsTo(instance, location))
            {
                return i;
            }
        }

        return -1;
    }
}
