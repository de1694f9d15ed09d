using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>Runs the bundled plain C# workloads through the real path: in-memory rewriting and the engine.</summary>
internal static class Workload
{
    public static string AssemblyPath => typeof(LostUpdate).Assembly.Location;

    public static TestReport Explore(string method, TestConfiguration configuration)
    {
        using var engine = TestingEngine.Create(configuration, AssemblyPath, method);
        return engine.Run();
    }

    public static TestReport Replay(Traces.ScheduleTrace trace)
    {
        using var engine = TestingEngine.Create(new TestConfiguration(), AssemblyPath, trace.Method);
        return engine.Replay(trace);
    }
}
