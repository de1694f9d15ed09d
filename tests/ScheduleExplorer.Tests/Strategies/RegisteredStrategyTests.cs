using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Tests.Strategies;

/// <summary>
/// The conformance suite of the sampling strategies beside random and PCT: each one is reproducible
/// from its seed (same seed, same trace bytes), finds the bundled bugs, replays what it found, and
/// reports nothing on the fixed twins. DFS is not among them: it has its own suite.
/// </summary>
[TestFixture(StrategyKind.Pos)]
[TestFixture(StrategyKind.ReadsFrom)]
[TestFixture(StrategyKind.Probabilistic)]
[TestFixture(StrategyKind.DelayBounding)]
[TestFixture(StrategyKind.Portfolio)]
public sealed class RegisteredStrategyTests(string strategy)
{
    private TestConfiguration Configuration(int iterations, ulong seed = 2026) =>
        new() { Strategy = strategy, Iterations = iterations, Seed = seed };

    /// <summary>
    /// The philosophers' deadlock that the reproducibility tests hunt: two philosophers (one delay) for
    /// delay bounding, which places its delays at random steps and needs thousands of iterations for
    /// three; three for the others.
    /// </summary>
    private string Philosophers => strategy == StrategyKind.DelayBounding ? "DiningPhilosophers.LeftThenRight(2, 1)" : "DiningPhilosophers.LeftThenRight(3, 1)";

    [TestCase("LostUpdate.Unsynchronized", BugKind.UnhandledException, "Lost update")]
    [TestCase("DiningPhilosophers.LeftThenRight(3, 1)", BugKind.Deadlock, "holds fork")]
    [TestCase("DiningPhilosophers.LeftThenRightLock(3, 1)", BugKind.Deadlock, "waits for")]
    [TestCase("TwoStage.Bad(2)", BugKind.UnhandledException, "half done")]
    [TestCase("Reorder.Bad(3)", BugKind.UnhandledException, "Reordered writes")]
    public void BundledBug_IsFound_AndItsTraceReplays(string method, BugKind kind, string text)
    {
        // Three philosophers, so that delay bounding's default two delays can reach the deadlock (n
        // philosophers need n − 1); it places them at random steps, so it needs more iterations.
        var report = Workload.AssertFoundAndReplays(method, Configuration(strategy == StrategyKind.DelayBounding ? 30_000 : 2_000), kind, text);

        Assert.That(report.Trace!.Strategy, Does.StartWith(strategy), "the trace names the strategy that found it");
    }

    [TestCase("LostUpdate.Unsynchronized(2, 3)")]
    [TestCase("philosophers")]
    public void SameSeed_GivesTheSameTrace_ByteForByte(string method)
    {
        method = method == "philosophers" ? Philosophers : method;
        var first = Workload.Explore(method, Configuration(30_000, seed: 11) with { MinimizeSchedules = false });
        var second = Workload.Explore(method, Configuration(30_000, seed: 11) with { MinimizeSchedules = false });

        Assert.That(first.Trace, Is.Not.Null, "the bug was found");
        Assert.That(second.FirstBugIteration, Is.EqualTo(first.FirstBugIteration));
        Assert.That(TraceSerializer.ToUtf8(second.Trace!), Is.EqualTo(TraceSerializer.ToUtf8(first.Trace!)));
    }

    [Test]
    public void ADifferentSeed_ExploresOtherSchedules()
    {
        var traces = Enumerable.Range(0, 6)
            .Select(seed => Workload.Explore("LostUpdate.Unsynchronized(2, 3)", Configuration(2_000, (ulong)seed) with { MinimizeSchedules = false }).Trace!)
            .Select(trace => string.Join(',', trace.Steps.Select(s => s.Next)))
            .Distinct()
            .Count();

        Assert.That(traces, Is.GreaterThan(1), "six seeds found the bug through one single schedule");
    }

    [Test]
    public void AShard_NumbersItsIterationsAsTheWholeRun()
    {
        var whole = Workload.Explore(Philosophers, Configuration(30_000, seed: 3) with { MinimizeSchedules = false });
        Assert.That(whole.FirstBugIteration, Is.Not.Null);

        if (strategy is StrategyKind.Pos or StrategyKind.Probabilistic)
        {
            // Seeded from (seed, iteration) alone: a shard starting at the bug's iteration repeats it.
            int first = whole.FirstBugIteration!.Value - 1;
            var shard = Workload.Explore(Philosophers, Configuration(1, seed: 3) with { FirstIteration = first, MinimizeSchedules = false });
            Assert.That(shard.FirstBugIteration, Is.EqualTo(whole.FirstBugIteration));
            Assert.That(shard.Trace!.Steps, Is.EqualTo(whole.Trace!.Steps));
        }
        else
        {
            // Delay bounding learns a step estimate from earlier
            // iterations, rff (alone or in the portfolio) the conflicting sites: a shard's schedules differ, its numbering does not.
            var shard = Workload.Explore(Philosophers, Configuration(30_000, seed: 3) with { FirstIteration = 500, MinimizeSchedules = false });
            Assert.That(shard.FirstBugIteration, Is.GreaterThan(500));
            Assert.That(shard.Trace!.Iteration, Is.EqualTo(shard.FirstBugIteration - 1));
        }
    }

    [TestCase("LostUpdate.Locked")]
    [TestCase("DiningPhilosophers.OrderedForks")]
    [TestCase("TwoStage.Fixed(5)")]
    [TestCase("Reorder.Fixed(5)")]
    [TestCase("DiningPhilosophers.TryLockBackoff(3, 1)")]
    public void FixedWorkload_IsClean(string method)
    {
        // Try-lock backoff spins while a fork is taken: an order holding its owner back must give up
        // rather than spin to the step bound.
        var report = Workload.Explore(method, Configuration(300) with { MaxSteps = 20_000 });

        Assert.That(report.Bug, Is.Null, report.Bug?.Message);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.NoBug), report.CouldNotTest?.Message);
        Assert.That(report.Iterations, Is.EqualTo(300));
    }
}
