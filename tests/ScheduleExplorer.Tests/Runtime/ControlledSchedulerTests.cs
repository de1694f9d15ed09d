using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Tests.Runtime;

[TestFixture]
public sealed class ControlledSchedulerTests
{
    private static TestReport Run(Action test, TestConfiguration configuration)
    {
        using var engine = TestingEngine.Create(configuration, test, "manual");
        return engine.Run();
    }

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Pct)]
    public void LostUpdate_Unsynchronized_IsFound(string strategy)
    {
        var report = Run(() => ManualWorkloads.LostUpdate(2, 1, locked: false), new TestConfiguration { Strategy = strategy, Iterations = 200, Seed = 7 });
        Assert.That(report.BugFound, Is.True);
        Assert.That(report.Bug!.Kind, Is.EqualTo(BugKind.UnhandledException));
        Assert.That(report.Bug.Message, Does.Contain("Lost update"));
    }

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Pct)]
    public void LostUpdate_Locked_IsNotFound(string strategy)
    {
        var report = Run(() => ManualWorkloads.LostUpdate(2, 2, locked: true), new TestConfiguration { Strategy = strategy, Iterations = 1000, Seed = 7 });
        Assert.That(report.BugFound, Is.False, report.Bug?.Message);
        Assert.That(report.Iterations, Is.EqualTo(1000));
        Assert.That(report.WorkerThreads, Is.LessThanOrEqualTo(3), "workers are reused across iterations");
    }

    [Test]
    public void Philosophers_LeftThenRight_DeadlockNamesTheCycle()
    {
        var report = Run(() => ManualWorkloads.Philosophers(3, ordered: false), new TestConfiguration { Iterations = 500, Seed = 1 });
        Assert.That(report.BugFound, Is.True);
        Assert.That(report.Bug!.Kind, Is.EqualTo(BugKind.Deadlock));
        Assert.That(report.Bug.Message, Does.Contain("'philosopher 0' holds fork 0, waits for fork 1 (held by 'philosopher 1') at Philosophers.cs:11"));
        Assert.That(report.Bug.Message, Does.Contain("'philosopher 2' holds fork 2, waits for fork 0 (held by 'philosopher 0')"));
    }

    [Test]
    public void Philosophers_Ordered_DfsExploresEveryScheduleWithoutBug()
    {
        var report = Run(() => ManualWorkloads.Philosophers(3, ordered: true), new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 1_000_000 });
        Assert.That(report.BugFound, Is.False, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
        Assert.That(report.Iterations, Is.EqualTo(23), "the size of the reduced schedule tree");
    }

    [Test]
    public void SameSeed_GivesByteIdenticalTrace()
    {
        var configuration = new TestConfiguration { Iterations = 500, Seed = 42 };
        var first = Run(() => ManualWorkloads.Philosophers(3, ordered: false), configuration);
        var second = Run(() => ManualWorkloads.Philosophers(3, ordered: false), configuration);
        Assert.That(first.Trace, Is.Not.Null);
        Assert.That(TraceSerializer.ToUtf8(second.Trace!), Is.EqualTo(TraceSerializer.ToUtf8(first.Trace!)));
        Assert.That(second.FirstBugIteration, Is.EqualTo(first.FirstBugIteration));
    }

    [Test]
    public void Replay_ReproducesTheBug_StepForStep()
    {
        Action test = () => ManualWorkloads.LostUpdate(3, 2, locked: false);
        using var engine = TestingEngine.Create(new TestConfiguration { Iterations = 200, Seed = 3 }, test, "manual");
        var found = engine.Run();
        Assert.That(found.Trace, Is.Not.Null);
        var replayed = engine.Replay(found.Trace!);
        Assert.That(replayed.Divergence, Is.Null);
        Assert.That(replayed.Bug?.Message, Is.EqualTo(found.Bug!.Message));
        Assert.That(replayed.Trace!.Steps, Is.EqualTo(found.Trace!.Steps), "the replay took exactly the recorded steps");
    }

    [Test]
    public void Replay_OfAnotherProgram_ReportsDivergenceWithStep()
    {
        using var buggy = TestingEngine.Create(new TestConfiguration { Iterations = 200, Seed = 3 }, () => ManualWorkloads.LostUpdate(2, 1, locked: false), "manual");
        var trace = buggy.Run().Trace!;
        using var other = TestingEngine.Create(new TestConfiguration(), () => ManualWorkloads.LostUpdate(2, 1, locked: true), "manual");
        var replayed = other.Replay(trace);
        Assert.That(replayed.Divergence, Does.StartWith("Replay diverged at step "));
        Assert.That(replayed.Divergence, Does.Contain("expected"));
    }

    [Test]
    public void StepBound_ReportedAsLivelockWhenAsked()
    {
        Action spin = () =>
        {
            var flag = new ManualWorkloads.Counter();
            var other = Controlled.ControlledThread.Create(() =>
            {
                while (true)
                {
                    Controlled.ControlledMemory.Read("flag", "Spin.cs:1");
                    if (flag.Value == 1)
                    {
                        break;
                    }
                }
            });
            Controlled.ControlledThread.Start(other);
            Controlled.ControlledThread.Join(other);
        };
        var report = Run(spin, new TestConfiguration { Iterations = 3, MaxSteps = 500, FailOnMaxSteps = true });
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Livelock));
        var quiet = Run(spin, new TestConfiguration { Iterations = 3, MaxSteps = 500 });
        Assert.That(quiet.BugFound, Is.False);
        Assert.That(quiet.StepBoundHits, Is.EqualTo(3));
    }
}
