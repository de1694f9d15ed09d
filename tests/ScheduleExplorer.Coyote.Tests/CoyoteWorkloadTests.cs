using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Coyote.Tests;

/// <summary>
/// The headline workloads under Microsoft Coyote 1.7.11's TestingEngine, on the copy rewritten by
/// Coyote's rewriter. Each test asserts what Coyote actually does, including where it differs from
/// ScheduleExplorer (see <see cref="ScheduleExplorerWorkloadTests"/> for the same workloads there).
/// </summary>
[TestFixture]
public sealed class CoyoteWorkloadTests
{
    private static string Workloads => typeof(LostUpdate).Assembly.Location;

    private static string Traces => Path.Combine(TestContext.CurrentContext.WorkDirectory, "coyote-traces");

    [TestCase("AsyncLostUpdate.AcrossAwait", "Lost update across an await")]
    [TestCase("AsyncLostUpdate.TaskRun", "Lost update between tasks")]
    [TestCase("AccountStore.CreateTwice", "created 2 times")]
    [TestCase("AsyncPhilosophers.LeftThenRight", "Deadlock detected")]
    public void Bug_IsFound_AndItsCoyoteTraceReplays(string workload, string message)
    {
        var engine = CoyoteTestingEngine.Create(Configuration(100), Workloads, workload);
        CoyoteTestReport report = engine.Run();

        Assert.That(report.BugFound, Is.True, $"{workload}: no bug in {report.Iterations} iterations");
        Assert.That(report.BugMessage, Does.Contain(message));
        Assert.That(report.FirstBugIteration, Is.EqualTo(report.Iterations));
        Assert.That(File.Exists(report.TracePath), Is.True);
        Assert.That(File.ReadAllText(report.TracePath!), Does.Contain("\"Steps\""));

        CoyoteTestReport replay = engine.Replay(File.ReadAllText(report.TracePath!));
        Assert.That(replay.BugFound, Is.True, "Coyote's replay did not reproduce its own trace");
        Assert.That(replay.BugMessage, Does.Contain(message));
    }

    [TestCase("AsyncLostUpdate.AcrossAwaitLocked")]
    [TestCase("AsyncLostUpdate.TaskRunInterlocked")]
    [TestCase("AccountStore.CreateTwiceGuarded")]
    [TestCase("AsyncPhilosophers.OrderedForks")]
    public void Fix_ShowsNoBug(string workload)
    {
        CoyoteTestReport report = CoyoteTestingEngine.Create(Configuration(10), Workloads, workload).Run();
        Assert.That(report.BugFound, Is.False, report.BugMessage);
        Assert.That(report.Iterations, Is.EqualTo(10));
        Assert.That(report.TracePath, Is.Null);
    }

    [Test]
    public void PlainFieldLostUpdate_IsFoundOnlyWithMemoryAccessRaces()
    {
        // Coyote explores a `counter += 1` race between threads only with its opt-in. (Replaying
        // traces of Thread-based workloads is not reliable in Coyote 1.7.11: the same trace was seen
        // to reproduce in one process and to fail at step 0 with "cannot detect id '1'" in another.)
        CoyoteTestReport found = CoyoteTestingEngine.Create(Configuration(20), Workloads, "LostUpdate.Unsynchronized").Run();
        Assert.That(found.BugFound, Is.True);
        Assert.That(found.BugMessage, Does.Contain("Lost update: expected 4 increments"));
        Assert.That(File.Exists(found.TracePath), Is.True);

        var without = CoyoteTestingEngine.Create(Configuration(2) with { MemoryAccessRaces = false }, Workloads, "LostUpdate.Unsynchronized").Run();
        Assert.That(without.BugFound, Is.False, "without memory-access races the two threads' increments never interleave");
        Assert.That(without.Iterations, Is.EqualTo(2));
    }

    [Test]
    public void ThreadPhilosophersOnSystemThreadingLock_AreReportedByTheDeadlockTimeout()
    {
        // Coyote sees no cycle (it does not control the Lock): its periodic monitor reports a potential deadlock.
        CoyoteTestReport report = CoyoteTestingEngine.Create(Configuration(20), Workloads, "DiningPhilosophers.LeftThenRightLock").Run();
        Assert.That(report.BugFound, Is.True);
        Assert.That(report.BugMessage, Does.StartWith("Potential deadlock or hang detected"));
        Assert.That(File.Exists(report.TracePath), Is.True);
    }

    [Test]
    public void SystemThreadingLock_IsNotControlled_SoItsFixIsReportedAsAPotentialDeadlock()
    {
        // LostUpdate.LockedWithLock is correct; Coyote does not intercept System.Threading.Lock, so a
        // thread blocked in the real lock stalls its scheduler until the deadlock timeout fires.
        CoyoteTestReport report = CoyoteTestingEngine.Create(Configuration(5), Workloads, "LostUpdate.LockedWithLock").Run();
        Assert.That(report.BugFound, Is.True);
        Assert.That(report.BugMessage, Does.StartWith("Potential deadlock or hang detected"));
    }

    [Test]
    public void UnknownEntry_IsOneClearError()
    {
        var error = Assert.Throws<Testing.WorkloadException>(() => CoyoteTestingEngine.Create(Configuration(1), Workloads, "LostUpdate.NoSuchMethod"));
        Assert.That(error!.Message, Is.EqualTo("method 'LostUpdate.NoSuchMethod' not found in ScheduleExplorer.Workloads."));
    }

    [Test]
    public void TraceFileName_IsStablePerEntryStrategyAndSeed()
    {
        var report = new CoyoteTestReport { Method = "Ns.Type.Method(3, 1)", Strategy = "prioritization", Seed = 7, Iterations = 1 };
        Assert.That(CoyoteTestingEngine.TraceFileName(report), Is.EqualTo("Ns.Type.Method_3__1_.coyote.prioritization.seed7.trace"));
    }

    private static CoyoteTestConfiguration Configuration(int iterations) => new()
    {
        Iterations = iterations,
        Strategy = CoyoteStrategy.Random,
        Seed = 0,
        MemoryAccessRaces = true,
        TracesDirectory = Traces,
    };
}
