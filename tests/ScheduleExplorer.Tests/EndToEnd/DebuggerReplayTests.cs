using ScheduleExplorer.Detection;
using ScheduleExplorer.NUnit;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// The traces committed under <c>traces/</c> replay step for step. To debug a failing schedule: set
/// a breakpoint in the workload (e.g. RacyCounter.cs) and debug
/// <see cref="ReplayCommittedTrace_UnderTheDebugger"/> from the IDE; the breakpoint binds (the
/// rewritten assembly is loaded with its portable PDB) and, with a debugger attached, the run breaks
/// in the workload's thread at the last recorded step — the step that fails.
/// </summary>
[TestFixture]
public sealed class DebuggerReplayTests
{
    private static string TracesDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ScheduleExplorer.sln")))
                {
                    return Path.Combine(directory.FullName, "traces");
                }
            }

            throw new DirectoryNotFoundException("ScheduleExplorer.sln not found above the test directory");
        }
    }

    private static IEnumerable<string> CommittedTraces() =>
        Directory.Exists(TracesDirectory) ? Directory.GetFiles(TracesDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)! : [];

    [Test]
    public void CommittedTraces_CoverBothHeadlineBugs()
    {
        var traces = CommittedTraces().Select(name => TraceSerializer.ReadFile(Path.Combine(TracesDirectory, name))).ToList();
        Assert.That(traces.Where(t => t.Method.EndsWith("LostUpdate.Unsynchronized", StringComparison.Ordinal)), Is.Not.Empty);
        Assert.That(traces.Where(t => t.Bug?.Kind == nameof(BugKind.Deadlock)), Is.Not.Empty);
    }

    [TestCaseSource(nameof(CommittedTraces))]
    public void CommittedTrace_ReplaysToTheSameBug(string file)
    {
        var trace = TraceSerializer.ReadFile(Path.Combine(TracesDirectory, file));
        var report = ControlledTest.Replay(typeof(LostUpdate), Path.Combine(TracesDirectory, file), breakAtBug: false);
        Assert.That(report.Divergence, Is.Null);
        Assert.That(report.Bug?.Kind.ToString(), Is.EqualTo(trace.Bug!.Kind));
        Assert.That(report.Bug!.Message, Is.EqualTo(trace.Bug.Message));
        Assert.That(report.Trace!.Steps, Is.EqualTo(trace.Steps));
    }

    /// <summary>Run under the IDE debugger to step through the lost update (see the class comment).</summary>
    [Test]
    public void ReplayCommittedTrace_UnderTheDebugger()
    {
        var report = ControlledTest.Replay(typeof(LostUpdate), Path.Combine(TracesDirectory, "LostUpdate.Unsynchronized.random.seed0.json"));
        Assert.That(report.Divergence, Is.Null);
        ControlledTest.AssertBugFound(report, BugKind.UnhandledException);
    }

    [Test]
    public void BreakAtBug_StopsInTheWorkloadsThread_AtTheLastRecordedStep_WithSourceLines()
    {
        var trace = TraceSerializer.ReadFile(Path.Combine(TracesDirectory, "LostUpdate.Unsynchronized.random.seed0.json"));
        System.Diagnostics.StackTrace? atBreak = null;
        string? thread = null;
        using var engine = TestingEngine.Create(new TestConfiguration(), Workload.AssemblyPath, trace.Method);

        var report = engine.Replay(trace, breakAtBug: true, onBreak: () =>
        {
            atBreak = new System.Diagnostics.StackTrace(fNeedFileInfo: true);
            thread = Thread.CurrentThread.Name;
        });

        Assert.That(report.Divergence, Is.Null);
        Assert.That(atBreak, Is.Not.Null, "the break hook ran");
        Assert.That(thread, Does.StartWith("schedex-worker-"), "it runs in the operation's own worker thread");
        var lastStep = trace.Steps[^1];
        var userFrame = atBreak!.GetFrames().FirstOrDefault(f => f.GetFileName()?.EndsWith(lastStep.Site!.Split(':')[0], StringComparison.Ordinal) == true);
        Assert.That(userFrame, Is.Not.Null, $"a workload frame for {lastStep.Site} is on the stack: its PDB was loaded, so breakpoints bind");
        Assert.That($"{Path.GetFileName(userFrame!.GetFileName())}:{userFrame.GetFileLineNumber()}", Is.EqualTo(lastStep.Site));
    }

    [Test]
    public void Explore_FromNUnit_AttachesTheTraceAndFindsTheBug()
    {
        var report = ControlledTest.Explore(typeof(DiningPhilosophers), nameof(DiningPhilosophers.LeftThenRight), new TestConfiguration { Iterations = 500, Seed = 4 });
        ControlledTest.AssertBugFound(report, BugKind.Deadlock);
        Assert.That(report.TracePath, Does.StartWith(ControlledTest.TracesDirectory));
        Assert.That(File.Exists(report.TracePath), Is.True);
    }

    [Test]
    public void Explore_FromNUnit_FixedWorkload_PassesAssertNoBug()
    {
        var report = ControlledTest.Explore(typeof(DiningPhilosophers), "OrderedForks(3, 1)", new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 100_000 });
        ControlledTest.AssertNoBug(report);
        Assert.That(report.Exhausted, Is.True);
    }
}
