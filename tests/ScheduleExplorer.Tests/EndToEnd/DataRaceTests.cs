using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// The data-race detector: two operations about to access one location at once (the same object's
/// field, the same array element, the same static), one writing, are a <see cref="BugKind.DataRace"/>
/// naming both sites, even where every assertion holds; accesses ordered by a lock or made volatile,
/// and writes to distinct objects or slots, are clean in every schedule; a failure outranks a race.
/// </summary>
[TestFixture]
public sealed class DataRaceTests
{
    private static readonly TestConfiguration s_exhaustive = new() { Strategy = StrategyKind.Dfs, Iterations = 100_000, FailOnMaxSteps = true };

    [TestCase("Publication.PlainFlag", "Publication+PlainBox.Ready", StrategyKind.Random)]
    [TestCase("Publication.PlainFlag", "Publication+PlainBox.Ready", StrategyKind.Pct)]
    [TestCase("Publication.PlainFlag", "Publication+PlainBox.Ready", StrategyKind.Dfs)]
    [TestCase("Publication.PlainFlag", "Publication+PlainBox.Ready", StrategyKind.Portfolio)]
    [TestCase("Partitioned.SharedSlot", "an element of Int32[] (index 0)", StrategyKind.Random)]
    [TestCase("Partitioned.SharedSlot", "an element of Int32[] (index 0)", StrategyKind.Dpor)]
    [TestCase("Partitioned.SharedObject", "Partitioned+Slot.Value", StrategyKind.Random)]
    [TestCase("Partitioned.SharedSlotLongIndex", "an element of Int64[] (index 1)", StrategyKind.Random)]
    [TestCase("Partitioned.SharedStructSlot", "an element of Pair[] (index 0)", StrategyKind.Random)]
    [TestCase("Partitioned.GenericSharedSlot", "an element of T[] (index 0)", StrategyKind.Random)]
    public void UnorderedAccesses_AreADataRace_WithBothSites_AndReplay(string method, string location, string strategy)
    {
        var configuration = s_exhaustive with { Strategy = strategy, Seed = 2026, Iterations = strategy is StrategyKind.Dfs or StrategyKind.Dpor ? 100_000 : 300 };
        var report = Workload.AssertFoundAndReplays(method, configuration, BugKind.DataRace, location);

        Assert.That(report.Bug!.Message, Does.Match(@"'[^']+' is about to (read|write) it at \w+\.cs:\d+ \(step \d+\) while '[^']+' is about to (read|write) it at \w+\.cs:\d+ \(step \d+\)"));
        Assert.That(report.BugPreemptions, Is.EqualTo(1), "one preemption, right before the first access, is all a race needs");
    }

    [TestCase("Publication.VolatileFlag")]
    [TestCase("Publication.VolatileCalls")]
    [TestCase("Publication.Locked")]
    [TestCase("Publication.AcceptedFlag")]
    [TestCase("Partitioned.OwnSlots")]
    [TestCase("Partitioned.OwnObjects")]
    [TestCase("Partitioned.SharedSlotLocked")]
    [TestCase("Partitioned.GenericOwnSlots")]
    public void OrderedOrDisjointAccesses_AreCleanInEverySchedule(string method)
    {
        var report = Workload.Explore(method, s_exhaustive);
        TestContext.Out.WriteLine($"{method}: {report.Iterations} schedules");
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
    }

    [Test]
    public void ALocationListedAsBenign_IsNotReported()
    {
        var configuration = s_exhaustive with { BenignRaces = ["ScheduleExplorer.Workloads.Memory.Publication+PlainBox.Ready"] };
        var report = Workload.Explore("Publication.PlainFlag", configuration);
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
    }

    [Test]
    public void WithDetectionOff_TheRaceIsNotReported()
    {
        var report = Workload.Explore("Publication.PlainFlag", s_exhaustive with { DetectDataRaces = false });
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
    }

    [TestCase(StrategyKind.Random)]
    [TestCase(StrategyKind.Dfs)]
    public void AFailure_OutranksARace_SeenInAnEarlierSchedule(string strategy)
    {
        // The lost update races in every schedule that interleaves the increments, but fails only in some.
        var report = Workload.Explore("LostUpdate.Unsynchronized", s_exhaustive with { Strategy = strategy, Seed = 2026 });
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), report.Bug?.Message);
        Assert.That(report.Bug!.Message, Does.Contain("Lost update"));
    }

    [Test]
    public void TheSameSeed_GivesTheSameRaceTrace()
    {
        var configuration = new TestConfiguration { Strategy = StrategyKind.Random, Seed = 7, Iterations = 300 };
        var first = Workload.Explore("Partitioned.SharedObject", configuration);
        var second = Workload.Explore("Partitioned.SharedObject", configuration);
        Assert.That(first.Bug?.Kind, Is.EqualTo(BugKind.DataRace));
        Assert.That(Traces.TraceSerializer.ToUtf8(second.Trace!), Is.EqualTo(Traces.TraceSerializer.ToUtf8(first.Trace!)));
    }
}
