using BenchmarkDotNet.Attributes;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;
using ScheduleExplorer.Workloads.Async;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// The engine's cost per scheduling decision next to the raw baton handoff, measured in one run.
/// Each engine benchmark runs <see cref="Iterations"/> controlled iterations of a bug-free workload
/// (rewritten in memory once, in setup); its time per operation is the time per iteration. The
/// decisions per iteration are printed in setup, so cost per decision = time per iteration / decisions.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class SchedulingCostBenchmarks
{
    private const int Iterations = 500;
    private const int RoundTrips = 2_000;
    private const int SwitchIterations = 20;
    private const int Yields = 500;
    private const int LongSwitchIterations = 4;
    private const int LongYields = 5_000;
    private BatonHandoff? _unpinned;
    private BatonHandoff? _pinned;
    private BatonRing? _ring3;
    private BatonRing? _ring6Pinned;
    private BatonRing? _ring6;
    private TestingEngine? _locked;
    private TestingEngine? _philosophers;
    private TestingEngine? _lockedPinned;
    private TestingEngine? _asyncYields;
    private TestingEngine? _threadYields;
    private TestingEngine? _asyncYieldsLong;
    private TestingEngine? _threadYieldsLong;

    [GlobalSetup]
    public void Setup()
    {
        _unpinned = new BatonHandoff(pinCpu: -1);
        _pinned = new BatonHandoff(pinCpu: 0);
        _ring3 = new BatonRing(3, pinCpu: -1);
        _ring6 = new BatonRing(6, pinCpu: -1);
        _ring6Pinned = new BatonRing(6, pinCpu: 0);
        var configuration = new TestConfiguration { Iterations = Iterations, Seed = 1 };
        _locked = Create(configuration, $"{typeof(LostUpdate).FullName}.{nameof(LostUpdate.Locked)}");
        _lockedPinned = Create(configuration with { PinWorkers = true }, $"{typeof(LostUpdate).FullName}.{nameof(LostUpdate.Locked)}");
        _philosophers = Create(configuration, $"{typeof(DiningPhilosophers).FullName}.{nameof(DiningPhilosophers.OrderedForks)}");
        _asyncYields = Create(configuration with { Iterations = SwitchIterations }, $"{typeof(SwitchCost).FullName}.{nameof(SwitchCost.AsyncYields)}(2, {Yields})");
        _threadYields = Create(configuration with { Iterations = SwitchIterations }, $"{typeof(SwitchCost).FullName}.{nameof(SwitchCost.ThreadYields)}(2, {Yields})");
        _asyncYieldsLong = Create(configuration with { Iterations = LongSwitchIterations }, $"{typeof(SwitchCost).FullName}.{nameof(SwitchCost.AsyncYields)}(2, {LongYields})");
        _threadYieldsLong = Create(configuration with { Iterations = LongSwitchIterations }, $"{typeof(SwitchCost).FullName}.{nameof(SwitchCost.ThreadYields)}(2, {LongYields})");
        foreach (var engine in new[] { _locked, _philosophers, _asyncYields, _threadYields, _asyncYieldsLong, _threadYieldsLong })
        {
            var report = engine.Run();
            Console.WriteLine($"// {report.Method}: {report.TotalSteps / (double)report.Iterations:0.0} decisions and {report.ContextSwitches / (double)report.Iterations:0.0} context switches per iteration, {report.Iterations / report.Elapsed.TotalSeconds:N0} iterations/s, bug: {report.Bug?.Message ?? "none"}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _unpinned?.Dispose();
        _pinned?.Dispose();
        _ring3?.Dispose();
        _ring6?.Dispose();
        _ring6Pinned?.Dispose();
        _locked?.Dispose();
        _lockedPinned?.Dispose();
        _philosophers?.Dispose();
        _asyncYields?.Dispose();
        _threadYields?.Dispose();
        _asyncYieldsLong?.Dispose();
        _threadYieldsLong?.Dispose();
    }

    /// <summary>One handoff between two parked threads (unpinned).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 2 * RoundTrips)]
    public void RawHandoff() => _unpinned!.RoundTrips(RoundTrips);

    /// <summary>One handoff between two parked threads pinned to one CPU.</summary>
    [Benchmark(OperationsPerInvoke = 2 * RoundTrips)]
    public void RawHandoffPinned() => _pinned!.RoundTrips(RoundTrips);

    /// <summary>One handoff in a ring of 3 parked threads (the operations of LostUpdate 2 × 2), unpinned.</summary>
    [Benchmark(OperationsPerInvoke = 2 * RoundTrips)]
    public void RawHandoffRing3() => _ring3!.Pass(2 * RoundTrips);

    /// <summary>One handoff in a ring of 6 parked threads (the operations of 5 philosophers), unpinned.</summary>
    [Benchmark(OperationsPerInvoke = 2 * RoundTrips)]
    public void RawHandoffRing6() => _ring6!.Pass(2 * RoundTrips);

    /// <summary>One handoff in a ring of 6 parked threads pinned to one CPU (as the engine's workers).</summary>
    [Benchmark(OperationsPerInvoke = 2 * RoundTrips)]
    public void RawHandoffRing6Pinned() => _ring6Pinned!.Pass(2 * RoundTrips);

    /// <summary>One controlled iteration of LostUpdate.Locked (2 threads × 2 increments).</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void LostUpdateLockedIteration() => _locked!.Run();

    /// <summary>The same, with every worker pinned to one CPU.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void LostUpdateLockedIterationPinned() => _lockedPinned!.Run();

    /// <summary>One controlled iteration of DiningPhilosophers.OrderedForks (5 philosophers × 1 meal).</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public void OrderedForksIteration() => _philosophers!.Run();

    /// <summary>One controlled iteration of two async flows that each await <c>Task.Yield()</c> 500 times.</summary>
    [Benchmark(OperationsPerInvoke = SwitchIterations)]
    public void AsyncYieldsIteration() => _asyncYields!.Run();

    /// <summary>The same shape with threads: two threads that each call <c>Thread.Yield()</c> 500 times.</summary>
    [Benchmark(OperationsPerInvoke = SwitchIterations)]
    public void ThreadYieldsIteration() => _threadYields!.Run();

    /// <summary>
    /// The same as <see cref="AsyncYieldsIteration"/> with ten times the yields: what an iteration
    /// costs apart from its decisions (starting it, the OS handoffs to and from the flows' worker)
    /// is spread over 10,000 decisions instead of 1,000, so time / decisions is the switch itself.
    /// </summary>
    [Benchmark(OperationsPerInvoke = LongSwitchIterations)]
    public void AsyncYieldsLongIteration() => _asyncYieldsLong!.Run();

    /// <summary>The same shape with threads: two threads that each call <c>Thread.Yield()</c> 5,000 times.</summary>
    [Benchmark(OperationsPerInvoke = LongSwitchIterations)]
    public void ThreadYieldsLongIteration() => _threadYieldsLong!.Run();

    private static TestingEngine Create(TestConfiguration configuration, string method) =>
        TestingEngine.Create(configuration, typeof(LostUpdate).Assembly.Location, method);
}
