using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;
using ScheduleExplorer.Tests.Runtime;

namespace ScheduleExplorer.Tests.Strategies;

/// <summary>Strategies see what every enabled operation will do next: the point's kind, target and site.</summary>
[TestFixture]
public sealed class PendingPointTests
{
    [Test]
    public void AStrategy_SeesTheReadsAndWritesEachOperationIsAbout()
    {
        var recorder = new PendingPointRecorder(new RandomStrategy(3));
        using var scheduler = new ControlledScheduler(recorder, new SchedulerOptions { MaxSteps = 5_000 });
        recorder.PrepareIteration(0);

        scheduler.RunIteration(() => ManualWorkloads.LostUpdate(2, 1, locked: false), keepSchedule: false);

        var accesses = recorder.Seen.Where(p => p.Kind is SchedulingPointKind.Read or SchedulingPointKind.Write).ToList();
        Assert.That(accesses, Is.Not.Empty);
        Assert.That(accesses, Has.All.Matches<PendingPoint>(p => p.Target == "Counter.Value"));
        Assert.That(accesses.Select(p => p.Site), Is.SupersetOf(new[] { "Manual.cs:1", "Manual.cs:2" }));
        Assert.That(recorder.Seen, Has.Some.Matches<PendingPoint>(p => p.Kind == SchedulingPointKind.Start), "an operation that has not run yet is at its start");
    }

    [Test]
    public void AcquiresOfALock_CarryTheLock()
    {
        var recorder = new PendingPointRecorder(new RandomStrategy(5));
        using var scheduler = new ControlledScheduler(recorder, new SchedulerOptions { MaxSteps = 5_000 });
        recorder.PrepareIteration(0);

        scheduler.RunIteration(() => ManualWorkloads.LostUpdate(2, 2, locked: true), keepSchedule: false);

        var acquires = recorder.Seen.Where(p => p.Kind == SchedulingPointKind.Acquire).ToList();
        Assert.That(acquires, Is.Not.Empty);
        Assert.That(acquires, Has.All.Matches<PendingPoint>(p => p.Resource is not null));
        Assert.That(acquires.Select(p => p.Resource).Distinct().Count(), Is.EqualTo(1), "both workers take the one gate");
    }

    [Test]
    public void Conflicts_AreAWriteWithAnyAccessOfOneLocation_OrTwoPointsOnOneResource()
    {
        var read = new PendingPoint(SchedulingPointKind.Read, "A.x", null, null);
        var write = new PendingPoint(SchedulingPointKind.Write, "A.x", null, null);
        var otherWrite = new PendingPoint(SchedulingPointKind.Write, "A.y", null, null);
        object gate = new(), other = new();
        var acquire = new PendingPoint(SchedulingPointKind.Acquire, null, null, gate);

        Assert.That(read.ConflictsWith(write), Is.True);
        Assert.That(write.ConflictsWith(read), Is.True);
        Assert.That(read.ConflictsWith(read), Is.False, "two reads commute");
        Assert.That(write.ConflictsWith(otherWrite), Is.False, "other locations commute");
        Assert.That(acquire.ConflictsWith(new PendingPoint(SchedulingPointKind.Release, null, null, gate)), Is.True);
        Assert.That(acquire.ConflictsWith(new PendingPoint(SchedulingPointKind.Acquire, null, null, other)), Is.False);
        Assert.That(acquire.ConflictsWith(write), Is.False);
        Assert.That(default(PendingPoint).ConflictsWith(write), Is.False, "a start conflicts with nothing");
    }

    [Test]
    public void Pos_ChoosesTheSameWay_ForTheSameSeedAndIteration()
    {
        int[] Choices(ulong seed, int iteration)
        {
            var pos = new PosStrategy(seed);
            pos.PrepareIteration(iteration);
            int[] enabled = [0, 1, 2, 3];
            return [.. Enumerable.Range(0, 50).Select(_ => pos.NextOperation(enabled, 0, SchedulingPointKind.Write, null, PendingPoints.None))];
        }

        int[] first = Choices(7, 2);
        Assert.That(Choices(7, 2), Is.EqualTo(first));
        Assert.That(Choices(7, 3), Is.Not.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.GreaterThan(1), "POS does not stick to one operation");
    }

    [Test]
    public void Probabilistic_MostlyKeepsTheRunningOperation()
    {
        var strategy = new ProbabilisticStrategy(seed: 1, bits: 3);
        strategy.PrepareIteration(0);
        int[] enabled = [0, 1, 2, 3];
        int kept = Enumerable.Range(0, 800).Count(_ => strategy.NextOperation(enabled, 2, SchedulingPointKind.Read, null, PendingPoints.None) == 2);

        // Switching with probability 1/8 to one of four: kept with probability 7/8 + 1/32 ≈ 0.906.
        Assert.That(kept, Is.InRange(680, 780));
    }

    private sealed class PendingPointRecorder(ISchedulingStrategy inner) : ISchedulingStrategy
    {
        public List<PendingPoint> Seen { get; } = [];

        public string Name => inner.Name;

        public bool PrepareIteration(int iteration) => inner.PrepareIteration(iteration);

        public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
        {
            foreach (int id in enabled)
            {
                Seen.Add(pending[id]);
            }

            return inner.NextOperation(enabled, current, kind, site, pending);
        }

        public bool NextBoolean(int current) => inner.NextBoolean(current);

        public int NextInteger(int current, int maxValue) => inner.NextInteger(current, maxValue);
    }
}
