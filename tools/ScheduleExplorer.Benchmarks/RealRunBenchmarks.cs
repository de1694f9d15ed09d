using BenchmarkDotNet.Attributes;
using ScheduleExplorer.Workloads;
using ScheduleExplorer.Workloads.RealWorld;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// The real-run counter fixes of ScheduleExplorer.Workloads on real threads, in ns per increment, next to the
/// hardware reference measured in the same run: every row's Ratio is its cost over one uncontended
/// <see cref="Interlocked.Increment(ref long)"/> on one thread (the baseline). Every invocation does
/// <see cref="TotalIncrements"/> increments split over <see cref="Threads"/> threads (thread starts and joins
/// included, as in a stress repetition), so ns/op is wall time per increment and rows compare across thread
/// counts. Run: <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- --filter '*RealRun*'</c>.
/// </summary>
[Config(typeof(InProcessConfig))]
public class RealRunBenchmarks
{
    /// <summary>Increments per invocation, over all threads (divisible by every thread count).</summary>
    public const int TotalIncrements = 1 << 20;

    [Params(1, 2, 4)]
    public int Threads { get; set; }

    private int PerThread => TotalIncrements / Threads;

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalIncrements, Description = "HW: Interlocked, 1 thread, uncontended")]
    public void UncontendedInterlocked() => CounterReference.UncontendedInterlocked(1, TotalIncrements);

    [Benchmark(OperationsPerInvoke = TotalIncrements, Description = "HW: padded per-thread slots")]
    public void PaddedPerThread() => CounterReference.PaddedPerThread(Threads, PerThread);

    [Benchmark(OperationsPerInvoke = TotalIncrements, Description = "unsynchronized (bug)")]
    public long Unsynchronized() => LostUpdateCount.Count(CounterVariant.Unsynchronized, Threads, PerThread);

    [Benchmark(OperationsPerInvoke = TotalIncrements, Description = "lock (Monitor)")]
    public long Locked() => Checked(CounterVariant.Locked);

    [Benchmark(OperationsPerInvoke = TotalIncrements, Description = "System.Threading.Lock")]
    public long LockedWithLock() => Checked(CounterVariant.LockedWithLock);

    [Benchmark(OperationsPerInvoke = TotalIncrements, Description = "Interlocked.Increment")]
    public long Interlocked() => Checked(CounterVariant.Interlocked);

    [Benchmark(OperationsPerInvoke = TotalIncrements, Description = "CAS loop")]
    public long CompareExchangeLoop() => Checked(CounterVariant.CompareExchangeLoop);

    [Benchmark(OperationsPerInvoke = TotalIncrements, Description = "striped per-thread counter")]
    public long StripedCounter() => Checked(CounterVariant.StripedCounter);

    private long Checked(CounterVariant variant)
    {
        long counted = LostUpdateCount.Count(variant, Threads, PerThread);
        return counted == TotalIncrements ? counted : throw new InvalidOperationException($"{variant} lost {TotalIncrements - counted} updates");
    }
}
