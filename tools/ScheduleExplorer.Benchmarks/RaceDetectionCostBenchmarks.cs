using BenchmarkDotNet.Attributes;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// What the data-race detector costs per iteration: each race-free workload explored with the detector
/// on (the default) and off, in one run, so the ratio of each pair is the detector's cost. Every
/// workload is rewritten in memory once, in setup; time per operation is time per iteration.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class RaceDetectionCostBenchmarks
{
    private const int Iterations = 500;
    private EnginePair? _engines;

    /// <summary>The race-free workload.</summary>
    [Params("LostUpdate.Locked", "DiningPhilosophers.OrderedForks", "Memory.SharedAccess.ArrayCompoundLocked", "Memory.Partitioned.OwnObjects")]
    public string Workload { get; set; } = "LostUpdate.Locked";

    [GlobalSetup]
    public void Setup() => _engines = EnginePair.Create(Workload, "races", on => new TestConfiguration { Iterations = Iterations, Seed = 1, DetectDataRaces = on });

    [GlobalCleanup]
    public void Cleanup() => _engines?.Dispose();

    /// <summary>One iteration with the detector on (the default).</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void RacesOn() => _engines!.On.Run();

    /// <summary>One iteration with the detector off.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    public void RacesOff() => _engines!.Off.Run();
}
