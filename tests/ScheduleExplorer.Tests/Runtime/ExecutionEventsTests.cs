using ScheduleExplorer.Controlled;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// The scheduler's typed event stream: a subscriber sees every decision and, when it asks, every
/// effect with the operation and step it belongs to; the outcome's switch and preemption counts are
/// what a subscriber counts from the decisions, and effects cost nothing when no subscriber wants them.
/// </summary>
[TestFixture]
public sealed class ExecutionEventsTests
{
    [TestCase(0UL)]
    [TestCase(7UL)]
    public void Subscriber_CountsTheOutcomesSwitchesAndPreemptions_FromTheDecisions(ulong seed)
    {
        var watcher = new Watcher(observesEffects: false);
        using var scheduler = new ControlledScheduler(new RandomStrategy(seed), new SchedulerOptions { Observers = [watcher] });

        for (int iteration = 0; iteration < 20; iteration++)
        {
            var outcome = scheduler.RunIteration(TwoWriters, keepSchedule: true);

            Assert.That(outcome.Bug, Is.Null);
            Assert.That(watcher.Iterations, Is.EqualTo(iteration + 1));
            Assert.That(watcher.Decisions, Has.Count.EqualTo(outcome.Schedule.Count(s => !s.IsDataChoice)), "one decision per recorded scheduling step");
            Assert.That(watcher.Decisions.Count(d => d.IsSwitch), Is.EqualTo(outcome.ContextSwitches));
            Assert.That(watcher.Decisions.Count(d => d.IsPreemption), Is.EqualTo(outcome.Preemptions));
            Assert.That(watcher.Decisions.Select(d => d.Chosen), Is.EqualTo(outcome.Schedule.Where(s => !s.IsDataChoice).Select(s => s.Next)), "the chosen operations are the schedule's");
            Assert.That(watcher.Effects, Is.Empty, "no subscriber asked for effects");
        }
    }

    [Test]
    public void EffectSubscriber_SeesEveryWriteWithItsOperation_EvenUnderAStrategyThatDoesNotReduce()
    {
        var watcher = new Watcher(observesEffects: true);
        using var scheduler = new ControlledScheduler(new RandomStrategy(3), new SchedulerOptions { Observers = [watcher] });

        var outcome = scheduler.RunIteration(TwoWriters, keepSchedule: true);

        var writes = watcher.Effects.Where(e => e is { IsMemoryAccess: true, IsWrite: true, Key: "shared" }).ToList();
        Assert.That(outcome.Bug, Is.Null);
        Assert.That(writes, Has.Count.EqualTo(4), "two writes by each of the two threads");
        Assert.That(writes.GroupBy(e => e.Operation).Select(g => g.Count()), Is.EqualTo(new[] { 2, 2 }));
        Assert.That(writes.Select(e => e.Operation), Has.None.EqualTo(0), "the main operation writes nothing");
        Assert.That(writes.Select(e => e.Step), Is.Ordered.Ascending.And.All.InRange(1, outcome.Steps));
        Assert.That(watcher.Effects.Any(e => !e.IsMemoryAccess && e.IsWrite), Is.True, "thread completions are synchronization effects");
    }

    [Test]
    public void EffectsReachAReducingStrategy_ThroughTheStream()
    {
        // Sleep sets prune only what the effects prove independent. With the effects from the stream,
        // DFS runs fewer schedules than the whole tree and still sees all 4!/(2!·2!) = 6 orders of the
        // four writes; without them it would take dependent steps for independent ones and miss orders.
        var (whole, wholeOrders) = ExploreAll(new PreemptionBoundedStrategy(bound: 100));
        var (reduced, reducedOrders) = ExploreAll(new DfsStrategy());

        Assert.That(wholeOrders, Has.Count.EqualTo(6));
        Assert.That(reducedOrders, Is.EquivalentTo(wholeOrders));
        Assert.That(reduced, Is.LessThan(whole));
    }

    private static (int Schedules, HashSet<string> Orders) ExploreAll(ISchedulingStrategy strategy)
    {
        using var scheduler = new ControlledScheduler(strategy, new SchedulerOptions());
        var orders = new HashSet<string>();
        int schedules = 0;
        for (int iteration = 0; strategy.PrepareIteration(iteration); iteration++)
        {
            var order = new System.Text.StringBuilder();
            Assert.That(scheduler.RunIteration(() => TwoWriters(order)).Bug, Is.Null);
            orders.Add(order.ToString());
            schedules++;
        }

        return (schedules, orders);
    }

    private static void TwoWriters() => TwoWriters(new System.Text.StringBuilder());

    /// <summary>Two threads write one location twice each; each write appends its thread's letter to <paramref name="order"/> in the same step.</summary>
    private static void TwoWriters(System.Text.StringBuilder order)
    {
        var a = Explore.Start(() =>
        {
            Write(order, 'a');
            Write(order, 'a');
        });
        var b = Explore.Start(() =>
        {
            Write(order, 'b');
            Write(order, 'b');
        });
        ControlledThread.Join(a);
        ControlledThread.Join(b);
    }

    private static void Write(System.Text.StringBuilder order, char by)
    {
        Explore.Step();
        order.Append(by);
    }

    private sealed class Watcher(bool observesEffects) : IExecutionObserver
    {
        public List<DecisionEvent> Decisions { get; } = [];

        public List<EffectEvent> Effects { get; } = [];

        public int Iterations { get; private set; }

        public bool ObservesEffects => observesEffects;

        public void OnIterationStarted()
        {
            Iterations++;
            Decisions.Clear();
            Effects.Clear();
        }

        public void OnDecision(in DecisionEvent decision) => Decisions.Add(decision);

        public void OnEffect(in EffectEvent effect) => Effects.Add(effect);
    }
}
