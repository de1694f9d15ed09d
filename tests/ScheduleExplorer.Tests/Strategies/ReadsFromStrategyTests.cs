using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;

namespace ScheduleExplorer.Tests.Strategies;

[TestFixture]
public sealed class ReadsFromStrategyTests
{
    [TestCase("Reorder.Bad(50)", 100, "Reordered writes")]
    [TestCase("TwoStage.Bad(30)", 300, "half done")]
    public void ABugNeedingOnePreciseOrderAmongManyThreads_IsFoundInFewIterations(string method, int budget, string text)
    {
        var report = Workload.AssertFoundAndReplays(method, new TestConfiguration { Strategy = StrategyKind.ReadsFrom, Iterations = budget, Seed = 1 }, BugKind.UnhandledException, text);

        TestContext.Out.WriteLine($"{method}: iteration {report.FirstBugIteration}");
    }

    [Test]
    public void ConflictingSitesOfDifferentOperations_GiveBothOrders()
    {
        var sites = new ConflictSites();
        sites.Ran(1, new PendingPoint(SchedulingPointKind.Write, "S.a", "S.cs:10", null));
        sites.Ran(1, new PendingPoint(SchedulingPointKind.Read, "S.a", "S.cs:11", null));
        Assert.That(sites.Orders, Is.Empty, "one operation's own accesses are ordered by its program");

        sites.Ran(2, new PendingPoint(SchedulingPointKind.Read, "S.b", "S.cs:20", null));
        sites.Ran(3, new PendingPoint(SchedulingPointKind.Read, "S.b", "S.cs:21", null));
        Assert.That(sites.Orders, Is.Empty, "two reads do not conflict");

        sites.Ran(2, new PendingPoint(SchedulingPointKind.Read, "S.a", "S.cs:30", null));
        var write = new ConflictSite("S.cs:10", "S.a");
        var read = new ConflictSite("S.cs:30", "S.a");
        Assert.That(sites.Orders, Is.EquivalentTo(new[] { new ConflictOrder(write, read), new ConflictOrder(read, write) }));
    }

    [Test]
    public void AnOrder_HoldsBackTheSecondSite_UntilTheFirstRan()
    {
        var strategy = new ReadsFromStrategy(seed: 0);
        strategy.PrepareIteration(0);
        Assert.That(strategy.Order, Is.Null, "nothing is learnt before the first iteration");

        var first = new ConflictSite("S.cs:1", "S.x");
        var second = new ConflictSite("S.cs:2", "S.x");
        var order = new ConflictOrder(first, second);
        Assert.That(order.Second.Matches(new PendingPoint(SchedulingPointKind.Write, "S.x", "S.cs:2", null)), Is.True);
        Assert.That(order.Second.Matches(new PendingPoint(SchedulingPointKind.Write, "S.y", "S.cs:2", null)), Is.False, "one line may access two locations");
    }
}
