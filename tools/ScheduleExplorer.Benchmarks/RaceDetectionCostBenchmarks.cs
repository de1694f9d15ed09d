using BenchmarkDotNet.Attributes;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

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
    private readonly Dictionary<string, TestingEngine> _engines = [];

    /// <summary>The race-free workload.</summary>
    [Params("LostUpdate.Locked", "DiningPhilosophers.OrderedForks", "Memory.SharedAccess.ArrayCompoundLocked", "Memory.Partitioned.OwnObjects")]
    public string Workload { get; set; } = "LostUpdate.Locked";

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new TestConfiguration { Iterations = Iterations, Seed = 1 };
        foreach (bool detect in new[] { true, false })
        {
            var engine = TestingEngine.Create(configuration with { DetectDataRaces = detect }, typeof(LostUpdate).Assembly.Location, Workload);
            var report = engine.Run();
            Console.WriteLine($"// {report.Method} (races {(detect ? "on" : "off")}): {report.TotalSteps / (double)report.Iterations:0.0} decisions per iteration, bug: {report.Bug?.Message ?? "none"}");
            _engines[detect ? "on" : "off"] = engine;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var engine in _engines.Values)
        {
            engine.Dispose();
        }
    }

    /// <summary>One iteration with the detector on (the default).</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void RacesOn() => _engines["on"].Run();

    /// <summary>One iteration with the detector off.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    public void RacesOff() => _engines["off"].Run();
}
