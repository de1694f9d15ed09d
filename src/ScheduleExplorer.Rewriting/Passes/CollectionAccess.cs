namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>How a call uses the collection it is made on.</summary>
internal enum CollectionAccess
{
    /// <summary>Reads a non-thread-safe collection (Count, Contains, TryGetValue, the indexer getter, enumeration).</summary>
    Read,

    /// <summary>Modifies a non-thread-safe collection (Add, Remove, Clear, the indexer setter, Enqueue, …).</summary>
    Write,

    /// <summary>Any call on a thread-safe collection: one linearizable step.</summary>
    Atomic,
}
