namespace ScheduleExplorer.Workloads.Memory;

/// <summary>
/// A writer fills a record and raises a flag; a reader that sees the flag checks the record. Under
/// sequential consistency the check never fails, so only the data-race detector tells the plain flag
/// apart from a correct one: nothing orders the flag's write and read, so the JIT or the processor may
/// reorder them with the record's write (on Arm the reader can see the flag before the record).
/// </summary>
public static class Publication
{
    /// <summary>The race: a plain <c>bool</c> flag (the check itself passes in every schedule).</summary>
    /// <exception cref="InvalidOperationException">The reader saw the flag but not the record (never under control).</exception>
    public static void PlainFlag()
    {
        var box = new PlainBox();
        Run(
            () =>
            {
                box.Record = 42;
                box.Ready = true;
            },
            () =>
            {
                if (box.Ready && box.Record != 42)
                {
                    throw new InvalidOperationException("Saw the flag but not the record.");
                }
            });
    }

    /// <summary>The fix: the flag is <c>volatile</c>, so its write releases the record and its read acquires it.</summary>
    /// <exception cref="InvalidOperationException">Never.</exception>
    public static void VolatileFlag()
    {
        var box = new VolatileBox();
        Run(
            () =>
            {
                box.Record = 42;
                box.Ready = true;
            },
            () =>
            {
                if (box.Ready && box.Record != 42)
                {
                    throw new InvalidOperationException("Saw the flag but not the record.");
                }
            });
    }

    /// <summary>The fix with <see cref="Volatile.Write(ref bool, bool)"/> and <see cref="Volatile.Read(ref readonly bool)"/> on a plain field.</summary>
    /// <exception cref="InvalidOperationException">Never.</exception>
    public static void VolatileCalls()
    {
        var box = new PlainBox();
        Run(
            () =>
            {
                box.Record = 42;
                Volatile.Write(ref box.Ready, true);
            },
            () =>
            {
                if (Volatile.Read(ref box.Ready) && box.Record != 42)
                {
                    throw new InvalidOperationException("Saw the flag but not the record.");
                }
            });
    }

    /// <summary>The fix with a lock around both sides.</summary>
    /// <exception cref="InvalidOperationException">Never.</exception>
    public static void Locked()
    {
        var box = new PlainBox();
        var gate = new object();
        Run(
            () =>
            {
                lock (gate)
                {
                    box.Record = 42;
                    box.Ready = true;
                }
            },
            () =>
            {
                lock (gate)
                {
                    if (box.Ready && box.Record != 42)
                    {
                        throw new InvalidOperationException("Saw the flag but not the record.");
                    }
                }
            });
    }

    /// <summary>The plain flag again, marked <c>[BenignRace]</c>: the race is accepted, and the run is clean.</summary>
    /// <exception cref="InvalidOperationException">Never under control.</exception>
    public static void AcceptedFlag()
    {
        var box = new AcceptedBox();
        Run(
            () =>
            {
                box.Record = 42;
                box.Ready = true;
            },
            () =>
            {
                if (box.Ready && box.Record != 42)
                {
                    throw new InvalidOperationException("Saw the flag but not the record.");
                }
            });
    }

    private static void Run(ThreadStart writer, ThreadStart reader) =>
        WorkerThreads.JoinAll(WorkerThreads.Start(["writer", "reader"], [writer, reader]));

    private sealed class PlainBox
    {
        public int Record;
        public bool Ready;
    }

    private sealed class AcceptedBox
    {
        public int Record;

        [BenignRace]
        public bool Ready;
    }

    private sealed class VolatileBox
    {
        public int Record;
        public volatile bool Ready;
    }
}
