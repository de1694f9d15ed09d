using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;
using ScheduleExplorer.Workloads.Primitives;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// The cost of putting the static state back before every iteration, measured in one run: the reset of
/// the whole workloads assembly on its own (every type's clear and initializer copy, and the
/// registered instantiations of each generic type), next to whole controlled iterations that include
/// it (<c>LostUpdate.Locked</c>, no generic type touched; <c>CodecCache.BuildUnderLock</c>, one
/// instantiation of a generic type nested in a generic type reset each time). Run with
/// <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- --filter '*StaticReset*'</c>.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class StaticResetBenchmarks
{
    private const int Iterations = 500;
    private TestTarget? _target;
    private TestingEngine? _locked;
    private TestingEngine? _codecs;

    [GlobalSetup]
    public void Setup()
    {
        string path = typeof(LostUpdate).Assembly.Location;
        var configuration = new TestConfiguration { Iterations = Iterations, Seed = 1 };
        _target = WorkloadLoader.Load(path, $"{typeof(LostUpdate).FullName}.{nameof(LostUpdate.Locked)}", configuration, NullLoggerFactory.Instance);
        _target.BeforeIteration();
        _locked = TestingEngine.Create(configuration, path, $"{typeof(LostUpdate).FullName}.{nameof(LostUpdate.Locked)}");
        _codecs = TestingEngine.Create(configuration, path, $"{typeof(CodecCache).FullName}.{nameof(CodecCache.BuildUnderLock)}");
        foreach (var engine in new[] { _locked, _codecs })
        {
            var report = engine.Run();
            Console.WriteLine($"// {report.Method}: {report.Iterations / report.Elapsed.TotalSeconds:N0} iterations/s, bug: {report.Bug?.Message ?? "none"}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _target?.Dispose();
        _locked?.Dispose();
        _codecs?.Dispose();
    }

    /// <summary>One reset of the workloads assembly's static state, alone.</summary>
    [Benchmark(Baseline = true)]
    public void WorkloadsReset() => _target!.BeforeIteration();

    /// <summary>One controlled iteration of LostUpdate.Locked, its reset included.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void LostUpdateLockedIteration() => _locked!.Run();

    /// <summary>One controlled iteration of CodecCache.BuildUnderLock, its reset included.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void CodecCacheIteration() => _codecs!.Run();
}
