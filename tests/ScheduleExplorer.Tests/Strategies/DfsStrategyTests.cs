using ScheduleExplorer.Controlled;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Tests.Runtime;

namespace ScheduleExplorer.Tests.Strategies;

/// <summary>
/// Depth-first search with and without partial-order reduction (sleep sets, and source-set DPOR with
/// sleep sets): each reduction must reach exactly the same outcomes (final states and bugs) while
/// running far fewer schedules, and DPOR no more than sleep sets alone.
/// </summary>
[TestFixture]
public sealed class DfsStrategyTests
{
    private static (HashSet<string> Outcomes, int Schedules) ExploreAll(Func<string> program, bool reduce, bool dpor = false)
    {
        var strategy = new DfsStrategy(reduce, dpor);
        using var scheduler = new ControlledScheduler(strategy, new SchedulerOptions { MaxSteps = 10_000 });
        var outcomes = new HashSet<string>();
        int schedules = 0;
        for (int iteration = 0; strategy.PrepareIteration(iteration); iteration++)
        {
            string? outcome = null;
            var result = scheduler.RunIteration(() => outcome = program());
            Assert.That(result.Divergence, Is.Null);
            outcomes.Add(result.Bug is { } bug ? $"{bug.Kind}" : outcome!);
            schedules++;
        }

        return (outcomes, schedules);
    }

    private static string RacyIncrements(int threads)
    {
        var counter = new ManualWorkloads.Counter();
        var other = new ManualWorkloads.Counter();
        var workers = Enumerable.Range(0, threads).Select(t => ControlledThread.Create(() =>
        {
            ControlledMemory.Read("other", "t:1");
            _ = other.Value;
            ControlledMemory.Read("counter", "t:2");
            int value = counter.Value;
            ControlledMemory.Write("counter", "t:3");
            counter.Value = value + 1;
        })).ToList();
        workers.ForEach(ControlledThread.Start);
        workers.ForEach(ControlledThread.Join);
        return counter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string LockedTransfer()
    {
        var a = new ManualWorkloads.Counter { Value = 10 };
        var b = new ManualWorkloads.Counter();
        var gate = new object();
        var log = new List<int>();
        var workers = Enumerable.Range(0, 2).Select(t => ControlledThread.Create(() =>
        {
            ControlledMonitor.Enter(gate);
            ControlledMemory.Read("a", "t:1");
            ControlledMemory.Write("a", "t:2");
            a.Value -= 1;
            ControlledMonitor.Exit(gate);
            ControlledMemory.Write("b", "t:3");
            b.Value += 1;
            ControlledMemory.Write("log", "t:4");
            log.Add(t);
        })).ToList();
        workers.ForEach(ControlledThread.Start);
        workers.ForEach(ControlledThread.Join);
        return $"{a.Value}/{b.Value}/{string.Join(',', log)}";
    }

    [Test]
    public void Reduction_ReachesTheSameOutcomes_WithFewerSchedules_RacyIncrements()
    {
        var full = ExploreAll(() => RacyIncrements(2), reduce: false);
        var reduced = ExploreAll(() => RacyIncrements(2), reduce: true);
        Assert.That(reduced.Outcomes, Is.EquivalentTo(full.Outcomes));
        Assert.That(full.Outcomes, Is.EquivalentTo(new[] { "1", "2" }));
        Assert.That(reduced.Schedules, Is.LessThan(full.Schedules / 4));
        TestContext.Out.WriteLine($"full {full.Schedules}, reduced {reduced.Schedules}");
    }

    [Test]
    public void Reduction_ReachesTheSameOutcomes_WithFewerSchedules_LockedTransfer()
    {
        var full = ExploreAll(LockedTransfer, reduce: false);
        var reduced = ExploreAll(LockedTransfer, reduce: true);
        Assert.That(reduced.Outcomes, Is.EquivalentTo(full.Outcomes));
        Assert.That(full.Outcomes, Is.EquivalentTo(new[] { "8/2/0,1", "8/2/1,0" }), "both orders of the log appends");
        Assert.That(reduced.Schedules, Is.LessThan(full.Schedules));
        TestContext.Out.WriteLine($"full {full.Schedules}, reduced {reduced.Schedules}");
    }

    private static string AtomicsOnTwoCells()
    {
        var cells = new long[2];
        var swapped = new long[2];
        var workers = Enumerable.Range(0, 2).Select(t => ControlledThread.Create(() =>
        {
            long seen;
            do
            {
                ControlledSite.SetTarget("cell A");
                seen = ControlledVolatile.Read(ref cells[0]);
                ControlledSite.SetTarget("cell A");
            }
            while (ControlledInterlocked.CompareExchange(ref cells[0], seen + 1, seen) != seen);

            ControlledSite.SetTarget("cell B");
            swapped[t] = ControlledInterlocked.Exchange(ref cells[1], t + 1);
        })).ToList();
        workers.ForEach(ControlledThread.Start);
        workers.ForEach(ControlledThread.Join);
        return $"{cells[0]}/{cells[1]}/{swapped[0]}/{swapped[1]}";
    }

    [Test]
    public void Reduction_WithNamedAtomicTargets_ReachesTheSameOutcomes()
    {
        var full = ExploreAll(AtomicsOnTwoCells, reduce: false);
        var reduced = ExploreAll(AtomicsOnTwoCells, reduce: true);
        Assert.That(reduced.Outcomes, Is.EquivalentTo(full.Outcomes));
        Assert.That(full.Outcomes, Is.EquivalentTo(new[] { "2/2/0/1", "2/1/2/0" }), "either exchange may come first");
        Assert.That(reduced.Schedules, Is.LessThan(full.Schedules));
        TestContext.Out.WriteLine($"full {full.Schedules}, reduced {reduced.Schedules}");
    }

    [Test]
    public void Reduction_StillFindsEveryDeadlock()
    {
        var full = ExploreAll(() => { ManualWorkloads.Philosophers(3, ordered: false); return "done"; }, reduce: false);
        var reduced = ExploreAll(() => { ManualWorkloads.Philosophers(3, ordered: false); return "done"; }, reduce: true);
        Assert.That(reduced.Outcomes, Is.EquivalentTo(full.Outcomes));
        Assert.That(full.Outcomes, Does.Contain("Deadlock"));
    }

    [Test]
    public void DataChoices_AreEnumerated()
    {
        var (outcomes, schedules) = ExploreAll(
            () =>
            {
                var op = ControlledScheduler.CurrentOperation!;
                return $"{op.Scheduler.NextInteger(op, 3, null)}{op.Scheduler.NextBoolean(op, null)}";
            },
            reduce: true);
        Assert.That(outcomes, Is.EquivalentTo(new[] { "0False", "0True", "1False", "1True", "2False", "2True" }));
        Assert.That(schedules, Is.EqualTo(6));
    }

    private static IEnumerable<TestCaseData> Programs()
    {
        yield return new TestCaseData((Func<string>)(() => RacyIncrements(2))).SetArgDisplayNames("racy increments, 2 threads");
        yield return new TestCaseData((Func<string>)LockedTransfer).SetArgDisplayNames("locked transfer");
        yield return new TestCaseData((Func<string>)AtomicsOnTwoCells).SetArgDisplayNames("atomics on two cells");
        yield return new TestCaseData((Func<string>)(() => { ManualWorkloads.Philosophers(3, ordered: false); return "done"; })).SetArgDisplayNames("philosophers, left then right");
        yield return new TestCaseData((Func<string>)(() => { ManualWorkloads.Philosophers(3, ordered: true); return "done"; })).SetArgDisplayNames("philosophers, ordered forks");
    }

    [TestCaseSource(nameof(Programs))]
    public void Dpor_ReachesTheSameOutcomes_InNoMoreSchedulesThanSleepSets(Func<string> program)
    {
        var full = ExploreAll(program, reduce: false);
        var sleep = ExploreAll(program, reduce: true);
        var dpor = ExploreAll(program, reduce: true, dpor: true);
        TestContext.Out.WriteLine($"full {full.Schedules}, sleep sets {sleep.Schedules}, dpor {dpor.Schedules}");
        Assert.That(dpor.Outcomes, Is.EquivalentTo(full.Outcomes));
        Assert.That(dpor.Schedules, Is.LessThanOrEqualTo(sleep.Schedules));
    }

    [Test]
    public void Dpor_ReachesTheSameOutcomesAsSleepSets_ThreeRacyThreads()
    {
        // Every interleaving of three threads is 126,126 schedules: too many for the suite, and sleep
        // sets alone are shown equivalent to it above.
        var sleep = ExploreAll(() => RacyIncrements(3), reduce: true);
        var dpor = ExploreAll(() => RacyIncrements(3), reduce: true, dpor: true);
        TestContext.Out.WriteLine($"sleep sets {sleep.Schedules}, dpor {dpor.Schedules}");
        Assert.That(dpor.Outcomes, Is.EquivalentTo(sleep.Outcomes));
        Assert.That(sleep.Outcomes, Is.EquivalentTo(new[] { "1", "2", "3" }));
        Assert.That(dpor.Schedules, Is.LessThan(sleep.Schedules));
    }
}
