using BenchmarkDotNet.Attributes;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// What store buffering costs per iteration: each workload explored with it on and off (the default),
/// in one run, so the ratio of each pair is the mode's cost. Every workload is rewritten in memory
/// once, in setup; time per operation is time per iteration.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class StoreBufferingCostBenchmarks
{
    private const int Iterations = 500;
    private readonly Dictionary<string, TestingEngine> _engines = [];

    /// <summary>The workload (bug-free in both modes).</summary>
    [Params("LostUpdate.Locked", "DiningPhilosophers.OrderedForks", "Memory.Dekker.MemoryBarrier", "Memory.Peterson.Fenced")]
    public string Workload { get; set; } = "LostUpdate.Locked";

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new TestConfiguration { Iterations = Iterations, Seed = 1 };
        foreach (bool buffered in new[] { true, false })
        {
            var engine = TestingEngine.Create(configuration with { StoreBuffering = buffered }, typeof(LostUpdate).Assembly.Location, Workload);
            var report = engine.Run();
            Console.WriteLine($"// {report.Method} (store buffering {(buffered ? "on" : "off")}): {report.TotalSteps / (double)report.Iterations:0.0} decisions per iteration, bug: {report.Bug?.Message ?? "none"}");
            _engines[buffered ? "on" : "off"] = engine;
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

    /// <summary>One iteration with store buffering.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void BufferingOn() => _engines["on"].Run();

    /// <summary>One iteration under sequential consistency (the default).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    public void BufferingOff() => _engines["off"].Run();
}
