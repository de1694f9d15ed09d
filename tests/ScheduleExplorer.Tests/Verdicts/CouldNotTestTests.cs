using System.Collections.Concurrent;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;

namespace ScheduleExplorer.Tests.Verdicts;

/// <summary>
/// The third verdict: what the tool cannot test is never reported as a bug nor as "no bug". The run
/// stops at the first such iteration, writes no trace and says what escaped control and what to do.
/// </summary>
[TestFixture]
public sealed class CouldNotTestTests
{
    private static readonly TestConfiguration s_quick = new() { Iterations = 200, Seed = 11 };

    [Test]
    public void StillUncontrolledApi_CouldNotTest_NamesTheApiItsLineAndWhatToDo()
    {
        string traces = Path.Combine(TestContext.CurrentContext.WorkDirectory, "cnt-traces");
        var report = Workload.Explore("Misbehaving.ProcessLaunch.Run", s_quick with { TracesDirectory = traces });
        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest));
            Assert.That(report.Bug, Is.Null, "not a bug");
            Assert.That(report.CouldNotTest!.Cause, Is.EqualTo(CouldNotTestCause.UncontrolledApi));
            Assert.That(report.CouldNotTest.Summary, Does.StartWith("Could not test: Process.Start (uncontrolled API) at ProcessLaunch.cs:15 in 'main'"));
            Assert.That(report.CouldNotTest.Summary, Does.Contain(" — Avoid it in code under test"));
            Assert.That(report.CouldNotTest.Iteration, Is.EqualTo(1));
            Assert.That(report.Iterations, Is.EqualTo(1), "the run stops at the first could-not-test");
            Assert.That(report.Trace, Is.Null, "no trace");
            Assert.That(report.TracePath, Is.Null);
            Assert.That(Directory.Exists(traces) ? Directory.GetFiles(traces) : [], Is.Empty, "no trace file");
        });
    }

    [Test]
    public void SystemTimersTimer_IsControlled_NoLongerCouldNotTest()
    {
        var report = Workload.Explore("Misbehaving.SystemTimersUse.Run", s_quick);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.NoBug), () => report.Bug?.Message ?? report.CouldNotTest?.Summary ?? "no bug");
        Assert.That(report.Iterations, Is.EqualTo(200));
    }

    [Test]
    public void BlockingCollectionTakeFromAny_CouldNotTest_BeforeItBlocksARealThread()
    {
        var report = Workload.Explore("Misbehaving.TakeFromAnyUse.Run", s_quick);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), () => report.Bug?.Message ?? "no bug");
        Assert.That(report.CouldNotTest!.Cause, Is.EqualTo(CouldNotTestCause.UncontrolledApi));
        Assert.That(report.CouldNotTest.Summary, Does.StartWith("Could not test: BlockingCollection.TakeFromAny (uncontrolled API) at TakeFromAnyUse.cs:20"));
        Assert.That(report.CouldNotTest.Summary, Does.Contain("Take, TryTake, Add"));
    }

    [Test]
    public void WorkGivenToAFrameworkTaskScheduler_CouldNotTest_BeforeItRunsOnPoolThreads()
    {
        var exclusive = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        using var engine = TestingEngine.Create(s_quick, () =>
        {
            var factory = new TaskFactory(exclusive);
            Controlled.ControlledTask.Wait(Controlled.ControlledTaskFactory.StartNew(factory, () => { }));
        }, "exclusive");
        var report = engine.Run();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), () => report.Bug?.Message ?? "no bug");
        Assert.That(report.CouldNotTest!.Cause, Is.EqualTo(CouldNotTestCause.UncontrolledApi));
        Assert.That(report.CouldNotTest.Summary, Does.Contain("TaskScheduler ConcurrentExclusiveTaskScheduler").And.Contain("pass TaskScheduler.Default"));
    }

    [Test]
    public void AwaitingRealIo_CouldNotTest_NotADeadlock()
    {
        var report = Workload.Explore("Misbehaving.RealFileIo.WriteAndReadBack", s_quick);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), () => report.Bug?.Message ?? "no bug");
        Assert.That(report.Bug, Is.Null, "not a deadlock");
        Assert.That(report.CouldNotTest!.Summary, Does.Contain("completed outside the controlled scheduler"));
        Assert.That(report.CouldNotTest.Summary, Does.Contain("RealFileIo.cs:"));
    }

    [Test]
    public void AwaitingRealIo_FiftyRuns_AreAllCouldNotTest_NeverADeadlock()
    {
        // The real I/O completes on its own thread at any instant, also between the decision that saw it
        // pending and the explanation of why nothing can run: that race must never read as a deadlock.
        using var engine = TestingEngine.Create(s_quick, Workload.AssemblyPath, "Misbehaving.RealFileIo.WriteAndReadBack");
        var verdicts = new List<string>();
        for (int run = 0; run < 50; run++)
        {
            var report = engine.Run();
            verdicts.Add(report.Verdict == Verdict.CouldNotTest && report.Bug is null ? "could not test" : $"{report.Verdict}: {report.Bug?.Message}");
        }

        Assert.That(verdicts.Where(v => v != "could not test"), Is.Empty);
    }

    [Test]
    public void AForeignTask_StaysUncontrolled_AfterItCompletesOnItsOwn()
    {
        // The race behind a "deadlock" verdict on real I/O: the decision sees the foreign task pending,
        // it completes on a pool thread, then the explanation of why nothing can run looks at it again.
        var tasks = new ScheduleExplorer.Runtime.TaskTable();
        var source = new TaskCompletionSource();
        var resource = tasks.ResourceOf(source.Task);
        Assert.That(resource.IsControlled, Is.False);
        source.SetResult();
        Assert.That(resource.IsControlled, Is.False, "a foreign task that completed is still foreign");
        Assert.That(tasks.ResourceOf(Task.CompletedTask).IsControlled, Is.True, "a task complete when first awaited blocks nobody");
    }

    [Test]
    public void AwaitingForeignWorkThatNeverCompletes_CouldNotTest_AHangNotADeadlock()
    {
        var never = new TaskCompletionSource().Task;
        using var engine = TestingEngine.Create(s_quick with { HangTimeout = TimeSpan.FromMilliseconds(200) }, () => Controlled.ControlledTask.Wait(never), "foreign-never");
        var report = engine.Run();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), () => report.Bug?.Message ?? "no bug");
        Assert.That(report.Bug, Is.Null, "not a deadlock");
        Assert.That(report.CouldNotTest!.Cause, Is.EqualTo(CouldNotTestCause.Hang));
        Assert.That(report.CouldNotTest.Summary, Does.Contain("'main' waits for a task not created under control").And.Contain("did not complete within 0.2 s"));
    }

    [Test]
    public void RewrittenCodeOnAThreadStartedOutsideControl_CouldNotTest()
    {
        // A thread started by code that was not rewritten (here: the test itself) runs code that was.
        using var engine = TestingEngine.Create(s_quick, () =>
        {
            var foreign = new Thread(() => Controlled.ControlledMemory.Write("Account.balance", "Foreign.cs:7")) { Name = "library thread" };
            foreign.Start();
            foreign.Join();
            Controlled.ControlledMemory.Read("Account.balance", "Foreign.cs:9");
        }, "foreign-thread");
        var report = engine.Run();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), report.Bug?.Message);
        Assert.That(report.CouldNotTest!.Cause, Is.EqualTo(CouldNotTestCause.UncontrolledThread));
        Assert.That(report.CouldNotTest.Message, Does.Contain("thread 'library thread'"));
        Assert.That(report.CouldNotTest.Message, Does.Contain("not created under control, ran rewritten code at Foreign.cs:7"));
    }

    [Test]
    public void RealSleepInUncontrolledCode_IsAHang_WithinTheLimit_WithTheStuckCall()
    {
        // The lambda is not rewritten: Thread.Sleep is the real one and blocks its worker for good.
        var limit = TimeSpan.FromSeconds(2);
        using var engine = TestingEngine.Create(s_quick with { HangTimeout = limit }, () => Thread.Sleep(Timeout.Infinite), "sleeper");
        var report = engine.Run();
        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), report.Bug?.Message);
            Assert.That(report.CouldNotTest!.Cause, Is.EqualTo(CouldNotTestCause.Hang));
            Assert.That(report.CouldNotTest.Message, Does.Contain("'main' made no progress for 2 s: it is blocked in System.Threading.Thread.Sleep"));
            Assert.That(report.CouldNotTest.Details, Does.Contain("CouldNotTestTests"), "the stuck operation's stack reaches the caller");
            Assert.That(report.CouldNotTest.Advice, Does.Contain("--hang-timeout"));
            Assert.That(report.Iterations, Is.EqualTo(1), "a hang ends the run");

            // Within the limit: the watchdog used to need two full timeouts (4 s here).
            Assert.That(report.Elapsed, Is.LessThan(limit + TimeSpan.FromSeconds(1.8)));
        });
    }

    [Test]
    public void RealEventWaitInAnUncontrolledHelper_IsAHang_WithTheWaitOneCall()
    {
        using var engine = TestingEngine.Create(s_quick with { HangTimeout = TimeSpan.FromMilliseconds(500) }, UncontrolledHelper.WaitForever, "waiter");
        var report = engine.Run();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), report.Bug?.Message);
        Assert.That(report.CouldNotTest!.Message, Does.Contain("blocked in System.Threading.WaitHandle.WaitOne, called from ScheduleExplorer.Tests.Verdicts.UncontrolledHelper.WaitForever (UncontrolledHelper.cs:9)"), report.CouldNotTest.Details);
        Assert.That(report.CouldNotTest.Details, Does.Contain("UncontrolledHelper.WaitForever"));
    }

    [Test]
    public void BlockingCollectionTake_OutsideRewrittenCode_IsAHang_NotABug()
    {
        var configuration = s_quick with { Iterations = 3, HangTimeout = TimeSpan.FromMilliseconds(500) };
        using var engine = TestingEngine.Create(configuration, () => new BlockingCollection<int>().Take(), "blocking");
        var report = engine.Run();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), report.Bug?.Message);
        Assert.That(report.CouldNotTest!.Message, Does.Contain("made no progress"));
        Assert.That(report.CouldNotTest.Details, Does.Contain("BlockingCollection"));
        Assert.That(report.Iterations, Is.EqualTo(1), "a hang ends the run");
    }
}
