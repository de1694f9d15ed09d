using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// One bundled workload loaded twice, with a feature on and off, for benchmarks whose row pair is
/// that feature's cost; each engine runs once in setup (rewriting, JIT) and prints what it saw.
/// </summary>
internal sealed class EnginePair : IDisposable
{
    private EnginePair(TestingEngine on, TestingEngine off)
    {
        On = on;
        Off = off;
    }

    /// <summary>The engine with the feature on.</summary>
    public TestingEngine On { get; }

    /// <summary>The engine with the feature off.</summary>
    public TestingEngine Off { get; }

    /// <summary>Loads <paramref name="workload"/> with <paramref name="configure"/>(true) and (false), running each once.</summary>
    public static EnginePair Create(string workload, string feature, Func<bool, TestConfiguration> configure)
    {
        TestingEngine Load(bool on)
        {
            var engine = TestingEngine.Create(configure(on), typeof(LostUpdate).Assembly.Location, workload);
            var report = engine.Run();
            Console.WriteLine($"// {report.Method} ({feature} {(on ? "on" : "off")}): {report.TotalSteps / (double)report.Iterations:0.0} decisions per iteration, bug: {report.Bug?.Message ?? "none"}");
            return engine;
        }

        return new EnginePair(Load(true), Load(false));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        On.Dispose();
        Off.Dispose();
    }
}
