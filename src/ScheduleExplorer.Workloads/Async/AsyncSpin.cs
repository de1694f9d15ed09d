namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A consumer flow polls a flag with <c>await Task.Yield()</c> until a producer flow raises it, then
/// reads the record the producer filled. Raising the flag before filling the record lets the
/// consumer see an empty record; filling it first is correct in every schedule. Each poll is a new
/// continuation, so without fairness a depth-first search polls on for as long as the step bound lets it.
/// </summary>
public static class AsyncSpin
{
    /// <summary>The bug: the flag is raised before the record is filled.</summary>
    /// <exception cref="InvalidOperationException">The consumer saw the flag but not the record.</exception>
    public static Task FlagFirst() => Run(flagFirst: true);

    /// <summary>The fix: the record is filled, then the flag raised.</summary>
    /// <exception cref="InvalidOperationException">Never.</exception>
    public static Task RecordFirst() => Run(flagFirst: false);

    private static async Task Run(bool flagFirst)
    {
        var box = new Box();
        var consumer = Task.Run(async () =>
        {
            while (!Volatile.Read(ref box.Ready))
            {
                await Task.Yield();
            }

            if (Volatile.Read(ref box.Record) != 42)
            {
                throw new InvalidOperationException("Saw the flag but not the record.");
            }
        });
        var producer = Task.Run(() =>
        {
            if (flagFirst)
            {
                Volatile.Write(ref box.Ready, true);
                Volatile.Write(ref box.Record, 42);
            }
            else
            {
                Volatile.Write(ref box.Record, 42);
                Volatile.Write(ref box.Ready, true);
            }
        });
        await Task.WhenAll(consumer, producer);
    }

    private sealed class Box
    {
        public bool Ready;
        public int Record;
    }
}
