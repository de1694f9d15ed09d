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

    /// <summary>
    /// Explores <paramref name="method"/>, asserts a bug of <paramref name="kind"/> whose message
    /// contains <paramref name="text"/> is found, and that its trace replays step for step to the same
    /// bug. Returns the exploration's report.
    /// </summary>
    public static TestReport AssertFoundAndReplays(string method, TestConfiguration configuration, Detection.BugKind kind, string text)
    {
        var report = Explore(method, configuration);
        Assert.That(report.Bug, Is.Not.Null, $"{configuration.Strategy}: no bug in {report.Iterations} iterations");
        Assert.That(report.Bug!.Kind, Is.EqualTo(kind), report.Bug.Message);
        Assert.That(report.Bug.Message, Does.Contain(text));
        TestContext.Out.WriteLine($"{method} [{report.Strategy}]: bug in iteration {report.FirstBugIteration}: {report.Bug.Message}");

        var replay = Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Kind, Is.EqualTo(kind));
        Assert.That(replay.Bug!.Message, Is.EqualTo(report.Bug.Message));
        Assert.That(replay.Trace!.Steps, Is.EqualTo(report.Trace!.Steps), "the replay took exactly the recorded steps");
        return report;
    }

    /// <summary>
    /// Explores every schedule of <paramref name="method"/> with the exhaustive <paramref name="strategy"/>
    /// (dfs or dpor), and asserts that none shows a bug, that the tree was finished, and that it took
    /// exactly <paramref name="expectedSchedules"/> schedules.
    /// </summary>
    public static void AssertCleanInWholeTree(string method, string strategy, int expectedSchedules) =>
        AssertCleanInWholeTree(method, new TestConfiguration { Strategy = strategy, Iterations = 1_000_000, FailOnMaxSteps = true }, expectedSchedules);

    /// <summary>As <see cref="AssertCleanInWholeTree(string, string, int)"/>, with the whole configuration given.</summary>
    public static void AssertCleanInWholeTree(string method, TestConfiguration configuration, int expectedSchedules)
    {
        string strategy = configuration.Strategy;
        var report = Explore(method, configuration);
        TestContext.Out.WriteLine($"{method} ({strategy}): {report.Iterations} schedules, {report.TotalSteps} steps");
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True, "the search must finish the whole tree");
        Assert.That(report.Iterations, Is.EqualTo(expectedSchedules));
    }

    public static TestReport Replay(Traces.ScheduleTrace trace)
    {
        using var engine = TestingEngine.Create(new TestConfiguration(), AssemblyPath, trace.Method);
        return engine.Replay(trace);
    }
}
