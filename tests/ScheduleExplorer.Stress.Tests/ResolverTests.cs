using ScheduleExplorer.Stress.Running;
using ScheduleExplorer.Stress.Targets;
using ScheduleExplorer.Stress.Tests.Entries;

namespace ScheduleExplorer.Stress.Tests;

/// <summary>Finding entries in an un-rewritten assembly: sized overloads, counting companions, and bad names.</summary>
[TestFixture]
public sealed class ResolverTests
{
    private static readonly string s_self = typeof(Tally).Assembly.Location;
    private static readonly string s_workloads = typeof(Workloads.LostUpdate).Assembly.Location;

    [Test]
    public void Resolve_CountedEntry_UsesTheCompanionAndReportsTheLostUpdate()
    {
        StressEntry entry = StressEntryResolver.Resolve(StressEntryResolver.Load(s_self), "Tally.Leaky", 4, 25);

        StressReport report = new StressRunner().Run(entry, new StressOptions { Repetitions = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(entry.IsCounted, Is.True);
            Assert.That(entry.Name, Is.EqualTo("ScheduleExplorer.Stress.Tests.Entries.Tally.Leaky(4, 25)"));
            Assert.That(report.Broken, Is.EqualTo(3));
            Assert.That(report.LostUpdates, Is.EqualTo(3));
            Assert.That(report.ExpectedPerRepetition, Is.EqualTo(100));
        });
    }

    [Test]
    public void Resolve_WorkloadsLostUpdate_FindsTheCountingCompanion()
    {
        StressEntry entry = StressEntryResolver.Resolve(StressEntryResolver.Load(s_workloads), "LostUpdate.Interlocked", 2, 1000);

        Assert.Multiple(() =>
        {
            Assert.That(entry.IsCounted, Is.True);
            Assert.That(entry.OperationsPerRepetition, Is.EqualTo(2000));
            Assert.That(entry.Run(), Is.EqualTo(RepetitionOutcome.FromCount(2000, 2000)));
        });
    }

    [Test]
    public void Resolve_PhilosophersFix_RunsTheSizedOverloadAndHolds()
    {
        StressEntry entry = StressEntryResolver.Resolve(StressEntryResolver.Load(s_workloads), "DiningPhilosophers.OrderedForks", 5, 1000);

        StressReport report = new StressRunner().Run(entry, new StressOptions { Repetitions = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(entry.IsCounted, Is.False);
            Assert.That(report.Held, Is.True);
            Assert.That(report.OperationsPerRepetition, Is.EqualTo(5000));
        });
    }

    [Test]
    public void Resolve_NoSizes_CallsTheParameterlessEntry() =>
        Assert.That(StressEntryResolver.Resolve(StressEntryResolver.Load(s_self), "Tally.Quick").Name, Does.EndWith("Tally.Quick"));

    [Test]
    public void Resolve_SizesForAParameterlessOnlyEntry_SaysThereIsNoSizedOverload() =>
        Assert.That(() => StressEntryResolver.Resolve(StressEntryResolver.Load(s_self), "Tally.Quick", 2, 2),
            Throws.InstanceOf<StressInputException>().With.Message.Contains("has no sized overload"));

    [Test]
    public void Resolve_UnknownMethod_IsBadInput() =>
        Assert.That(() => StressEntryResolver.Resolve(StressEntryResolver.Load(s_workloads), "LostUpdate.Nope"),
            Throws.InstanceOf<StressInputException>().With.Message.EqualTo("method 'LostUpdate.Nope' not found in ScheduleExplorer.Workloads."));

    [Test]
    public void Run_SizesTheWorkloadRejects_IsBadInputNotABrokenRepetition()
    {
        StressEntry entry = StressEntryResolver.Resolve(StressEntryResolver.Load(s_workloads), "DiningPhilosophers.Waiter", 1, 10);

        Assert.That(entry.Run, Throws.InstanceOf<StressInputException>().With.Message.Contains("rejected its arguments"));
    }
}
