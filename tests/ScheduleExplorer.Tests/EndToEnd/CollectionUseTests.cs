using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// Calls on non-thread-safe BCL collections are reads and writes of their instance: overlapping
/// calls, one writing, are a bug naming both call sites; locked uses, overlapping reads and
/// concurrent collections are clean in every schedule.
/// </summary>
[TestFixture]
public sealed class CollectionUseTests
{
    private static readonly TestConfiguration s_dfs = new() { Strategy = StrategyKind.Dfs, Iterations = 100_000, FailOnMaxSteps = true };

    [TestCase("SharedCollections.ListAdd", "List<int>", StrategyKind.Random)]
    [TestCase("SharedCollections.ListAdd", "List<int>", StrategyKind.Pct)]
    [TestCase("SharedCollections.ListAdd", "List<int>", StrategyKind.Dfs)]
    [TestCase("SharedCollections.DictionaryWrite", "Dictionary<int, int>", StrategyKind.Random)]
    [TestCase("SharedCollections.DictionaryWrite", "Dictionary<int, int>", StrategyKind.Dfs)]
    [TestCase("SharedCollections.StringBuilderAppend", "StringBuilder", StrategyKind.Dfs)]
    public void UnsynchronizedUse_IsFound_WithBothSites_AndReplays(string method, string collection, string strategy)
    {
        var report = Workload.Explore(method, s_dfs with { Strategy = strategy, Seed = 2026, Iterations = strategy == StrategyKind.Dfs ? 100_000 : 300 });

        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.ConcurrentCollectionUse), report.Bug?.Message ?? $"no bug in {report.Iterations} iterations");
        TestContext.Out.WriteLine(report.Bug!.Message);
        Assert.That(report.Bug.Message, Does.StartWith($"Concurrent use of a non-thread-safe {collection}: "));
        Assert.That(report.Bug.Message, Does.Match(@"at SharedCollections\.cs:\d+ while .* at SharedCollections\.cs:\d+\.$"));
        var replay = Workload.Replay(report.Trace!);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug.Message));
    }

    [TestCase("SharedCollections.ListAddLocked")]
    [TestCase("SharedCollections.DictionaryWriteLocked")]
    [TestCase("SharedCollections.ListConcurrentReads")]
    [TestCase("SharedCollections.ConcurrentDictionaryWrite")]
    public void SynchronizedOrReadOnlyUse_HoldsInEverySchedule(string method)
    {
        var report = Workload.Explore(method, s_dfs);
        TestContext.Out.WriteLine($"{method}: {report.Iterations} schedules");
        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Exhausted, Is.True);
    }

    [Test]
    public void ConcurrentCollectionCalls_AreSchedulingPoints_SoCheckThenActRacesAreFound()
    {
        var report = Workload.Explore("SharedCollections.ConcurrentDictionaryCheckThenAct", s_dfs);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), $"{report.Iterations} schedules");
        Assert.That(report.Bug!.Message, Does.Contain("claimed 2 times"));
    }
}
