using System.Collections.Concurrent;

namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// A consumer that takes from whichever of two queues has an item, with
/// <see cref="BlockingCollection{T}.TakeFromAny(BlockingCollection{T}[], out T)"/>: the controlled
/// runtime models one collection's Take, Add and CompleteAdding, not a take from several, so a run
/// that reaches it could not be tested (instead of blocking a real thread).
/// </summary>
public static class TakeFromAnyUse
{
    /// <summary>A producer fills the second queue; the main flow takes from any.</summary>
    public static void Run()
    {
        using var urgent = new BlockingCollection<int>();
        using var normal = new BlockingCollection<int>();
        var producer = new Thread(() => normal.Add(42));
        producer.Start();
        BlockingCollection<int>.TakeFromAny([urgent, normal], out int item);
        producer.Join();
        if (item != 42)
        {
            throw new InvalidOperationException($"Took {item}.");
        }
    }
}
