using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// Store buffering (total store order, as on x64): with <see cref="TestConfiguration.StoreBuffering"/>
/// a field store waits in its operation's buffer and another operation's read may still see the old
/// value (a <see cref="SchedulingPointKind.StaleRead"/> choice). Dekker's and Peterson's protocols on
/// <c>volatile</c> fields (or <c>Volatile.Write</c>/<c>Read</c> calls: a release and an acquire, not a
/// fence) then let both threads in, which no sequentially consistent schedule does; a full fence
/// (<see cref="Thread.MemoryBarrier"/>, an interlocked store) fixes them in every schedule.
/// </summary>
[TestFixture]
public sealed class StoreBufferingTests
{
    private const string BothEntered = "critical section";

    private static readonly TestConfiguration s_buffered = new() { StoreBuffering = true, Seed = 2026, Iterations = 2_000, FailOnMaxSteps = true };

    // Dekker: one thread preempted after its load, before its end flushes its store. Peterson: also
    // before its Interlocked check flushes, and the other preempted inside, so at least two.
    [TestCase("Dekker.VolatileFlags", StrategyKind.Random, 1)]
    [TestCase("Dekker.VolatileFlags", StrategyKind.Pct, 1)]
    [TestCase("Dekker.VolatileFlags", StrategyKind.Dfs, 1)]
    [TestCase("Dekker.VolatileFlags", StrategyKind.Dpor, 1)]
    [TestCase("Dekker.VolatileFlags", StrategyKind.Portfolio, 1)]
    [TestCase("Dekker.StaticFlags", StrategyKind.Random, 1)]
    [TestCase("Dekker.StaticFlags", StrategyKind.Dfs, 1)]
    [TestCase("Dekker.PlainFlags", StrategyKind.Random, 1)]
    [TestCase("Dekker.VolatileCalls", StrategyKind.Random, 1)]
    [TestCase("Dekker.VolatileCalls", StrategyKind.Dfs, 1)]
    [TestCase("Dekker.VolatileCalls", StrategyKind.Portfolio, 1)]
    [TestCase("Peterson.VolatileFields", StrategyKind.Random, 2)]
    [TestCase("Peterson.VolatileFields", StrategyKind.Pct, 2)]
    [TestCase("Peterson.VolatileFields", StrategyKind.Portfolio, 2)]
    public void AProtocolWithoutAFence_LetsBothThreadsIn_AndTheTraceReplays(string method, string strategy, int fewestPreemptions)
    {
        var report = Workload.AssertFoundAndReplays(method, s_buffered with { Strategy = strategy }, BugKind.UnhandledException, BothEntered);

        ScheduleTrace trace = report.Trace!;
        Assert.Multiple(() =>
        {
            Assert.That(trace.Options.StoreBuffering, Is.True, "a replay must buffer stores as the run did");
            Assert.That(trace.Steps.Where(s => s.Kind == SchedulingPointKind.StaleRead && s.Value == 1), Is.Not.Empty, "some read saw a buffered store's old value");
            Assert.That(trace.Steps.Where(s => s.Kind == SchedulingPointKind.StaleRead).Select(s => s.Target), Has.All.Match(@"\.(First|Second|_flag0|_flag1|_turn)$"), "a stale read names the location it read");
            Assert.That(report.BugPreemptions, Is.InRange(fewestPreemptions, report.BugPreemptionsFound), "no schedule with fewer preemptions shows the bug");
            if (fewestPreemptions == 1)
            {
                Assert.That(report.BugPreemptions, Is.EqualTo(1), "a single preemption is always found by the minimizer");
            }
        });
    }

    [TestCase("Dekker.VolatileFlags", StrategyKind.Dfs, 38)]
    [TestCase("Dekker.VolatileFlags", StrategyKind.Dpor, 16)]
    [TestCase("Dekker.StaticFlags", StrategyKind.Dfs, 32)]
    [TestCase("Dekker.StaticFlags", StrategyKind.Dpor, 16)]
    [TestCase("Dekker.VolatileCalls", StrategyKind.Dfs, 38)]
    [TestCase("Dekker.VolatileCalls", StrategyKind.Dpor, 16)]
    public void UnderSequentialConsistency_TheSameProtocol_IsCleanInTheWholeTree(string method, string strategy, int schedules) =>
        Workload.AssertCleanInWholeTree(method, s_buffered with { StoreBuffering = false, Strategy = strategy, Iterations = 1_000_000 }, schedules);

    [Test]
    public void StoreBuffering_IsOnByDefault_AndAnSCOnlyVerdictSaysSo()
    {
        Assert.That(new TestConfiguration().StoreBuffering, Is.True);
        var report = Workload.Explore("Dekker.VolatileFlags", new TestConfiguration { Strategy = StrategyKind.Dfs, StoreBuffering = false, Iterations = 1_000 });
        Assert.That(report.Exhausted, Is.True);
        Assert.That(ScheduleExplorer.Reporting.BugReportWriter.Format(report), Does.Contain("every sequentially consistent schedule explored"));
    }

    [Test]
    public void UnderSequentialConsistency_Peterson_IsClean()
    {
        var report = Workload.Explore("Peterson.VolatileFields", s_buffered with { StoreBuffering = false, Strategy = StrategyKind.Random });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Iterations, Is.EqualTo(2_000));
        Assert.That(report.Trace, Is.Null);
    }

    [TestCase("Dekker.MemoryBarrier", StrategyKind.Dfs, 1_165)]
    [TestCase("Dekker.MemoryBarrier", StrategyKind.Dpor, 711)]
    [TestCase("Dekker.InterlockedExchange", StrategyKind.Dfs, 38)]
    [TestCase("Dekker.InterlockedExchange", StrategyKind.Dpor, 16)]
    [TestCase("Dekker.VolatileCallsFenced", StrategyKind.Dfs, 1_165)]
    [TestCase("Dekker.VolatileCallsFenced", StrategyKind.Dpor, 711)]
    public void AFullFence_IsCleanInTheWholeBufferedTree(string method, string strategy, int schedules) =>
        Workload.AssertCleanInWholeTree(method, s_buffered with { Strategy = strategy, Iterations = 1_000_000 }, schedules);

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Pct)]
    [TestCase(StrategyKind.Portfolio)]
    public void AFencedPeterson_IsCleanUnderStoreBuffering(string strategy)
    {
        var report = Workload.Explore("Peterson.Fenced", s_buffered with { Strategy = strategy });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Iterations, Is.EqualTo(2_000));
    }

    [Test]
    public void TheSameSeed_GivesTheSameBufferedTrace()
    {
        var configuration = s_buffered with { Strategy = StrategyKind.Random, Seed = 11 };
        var first = Workload.Explore("Peterson.VolatileFields", configuration);
        var second = Workload.Explore("Peterson.VolatileFields", configuration);
        Assert.That(first.Trace, Is.Not.Null);
        Assert.That(TraceSerializer.ToUtf8(second.Trace!), Is.EqualTo(TraceSerializer.ToUtf8(first.Trace!)));
    }

    [Test]
    public void ATraceWithoutStoreBuffering_DoesNotMentionIt()
    {
        var plain = Workload.Explore("LostUpdate.Unsynchronized", new TestConfiguration { Seed = 3, StoreBuffering = false });
        var buffered = Workload.Explore("LostUpdate.Unsynchronized", new TestConfiguration { Seed = 3, StoreBuffering = true });
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.UTF8.GetString(TraceSerializer.ToUtf8(plain.Trace!)), Does.Not.Contain("storeBuffering"), "traces of the default mode keep their bytes");
            Assert.That(System.Text.Encoding.UTF8.GetString(TraceSerializer.ToUtf8(buffered.Trace!)), Does.Contain("\"storeBuffering\": true"));
        });
    }
}
