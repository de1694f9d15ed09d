using BenchmarkDotNet.Attributes;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// What store buffering costs per iteration: each workload explored with it on (the default) and off,
/// in one run, so the ratio of each pair is the mode's cost. Every workload is rewritten in memory
/// once, in setup; time per operation is time per iteration.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class StoreBufferingCostBenchmarks
{
    private const int Iterations = 500;
    private EnginePair? _engines;

    /// <summary>The workload (bug-free in both modes).</summary>
    [Params("LostUpdate.Locked", "DiningPhilosophers.OrderedForks", "Memory.Dekker.MemoryBarrier", "Memory.Peterson.Fenced", "Memory.Publication.VolatileFlag")]
    public string Workload { get; set; } = "LostUpdate.Locked";

    [GlobalSetup]
    public void Setup() => _engines = EnginePair.Create(Workload, "store buffering", on => new TestConfiguration { Iterations = Iterations, Seed = 1, StoreBuffering = on });

    [GlobalCleanup]
    public void Cleanup() => _engines?.Dispose();

    /// <summary>One iteration with store buffering (the default).</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void BufferingOn() => _engines!.On.Run();

    /// <summary>One iteration under sequential consistency.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    public void BufferingOff() => _engines!.Off.Run();
}
