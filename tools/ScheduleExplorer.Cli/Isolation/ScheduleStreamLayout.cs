namespace ScheduleExplorer.Cli.Isolation;

/// <summary>
/// The layout of the file an isolated child streams its schedule into, mapped into its memory: a
/// header, an append-only region of strings (sites, targets, names) and a region of fixed-size step
/// records that restarts with every schedule. A length is published only after the bytes it covers,
/// and a mapped page outlives the process that wrote it, so a crash leaves every step taken before it.
/// </summary>
internal static class ScheduleStreamLayout
{
    /// <summary>Committed bytes of the step region (long).</summary>
    public const int StepsLengthAt = 0;

    /// <summary>Committed bytes of the string region (long).</summary>
    public const int StringsLengthAt = 8;

    /// <summary>The 0-based iteration running (int).</summary>
    public const int IterationAt = 16;

    /// <summary>1 once the child returned from its command normally (int).</summary>
    public const int FinishedAt = 20;

    /// <summary>1 when a region was full and a record was dropped (int).</summary>
    public const int OverflowAt = 24;

    /// <summary>String ids of the assembly, the method and the strategy, 3 ints (-1 before the run starts).</summary>
    public const int RunNamesAt = 28;

    /// <summary>The workload module's MVID (16 bytes).</summary>
    public const int MvidAt = 40;

    /// <summary>1 once the run started (int).</summary>
    public const int StartedAt = 56;

    /// <summary>The header's size.</summary>
    public const int HeaderSize = 64;

    /// <summary>Where strings start; each is an int length in UTF-16 units, then the units.</summary>
    public const long StringsAt = HeaderSize;

    /// <summary>Room for strings.</summary>
    public const long StringsCapacity = 16L << 20;

    /// <summary>Where step records start.</summary>
    public const long StepsAt = StringsAt + StringsCapacity;

    /// <summary>One record: tag, kind, 2 spare bytes, then by, next, value, site id, target id.</summary>
    public const int RecordSize = 24;

    /// <summary>Room for records: two million, twice the default step bound.</summary>
    public const long StepsCapacity = 2_000_000L * RecordSize;

    /// <summary>The file's size (sparse: only the pages written take space).</summary>
    public const long FileSize = StepsAt + StepsCapacity;

    /// <summary>A record holding a step.</summary>
    public const byte StepTag = 1;

    /// <summary>A record naming an operation: by is its id, site its name.</summary>
    public const byte OperationTag = 2;
}
