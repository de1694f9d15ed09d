using System.Text;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// Bugs are data as well as text: a deadlock's wait-for edges and a race's two accesses are in the
/// report and in the trace (<c>bug.deadlock</c>, <c>bug.race</c>), survive a round trip through the
/// trace format, are checked when a trace is read, and must match for a replay to reproduce the bug.
/// </summary>
[TestFixture]
public sealed class StructuredBugTests
{
    private static readonly TestConfiguration s_random = new() { Strategy = StrategyKind.Random, Seed = 2026, Iterations = 300 };

    [Test]
    public void ADeadlock_RecordsItsWaitForCycle()
    {
        var report = Workload.Explore("DiningPhilosophers.LeftThenRight", s_random);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), report.Bug?.Message);
        var deadlock = report.Trace!.Bug!.Deadlock!;
        Assert.That(deadlock.Cycle, Is.True);
        Assert.That(deadlock.Edges, Has.Count.EqualTo(5));
        for (int i = 0; i < deadlock.Edges.Count; i++)
        {
            var edge = deadlock.Edges[i];
            Assert.That(edge.Holds, Has.Count.EqualTo(1), edge.ToString());
            Assert.That(edge.HeldBy, Is.EqualTo(deadlock.Edges[(i + 1) % deadlock.Edges.Count].Operation), "each waits for the next one's fork");
            Assert.That(edge.Site, Does.Match(@"^Philosopher\.cs:\d+$"));
        }

        AssertRoundTripsAndReplays(report);
    }

    [Test]
    public void ARace_RecordsItsTwoAccesses()
    {
        var report = Workload.Explore("Publication.PlainFlag", s_random);
        Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.DataRace), report.Bug?.Message);
        var race = report.Trace!.Bug!.Race!;
        Assert.That(race.Location, Is.EqualTo("ScheduleExplorer.Workloads.Memory.Publication+PlainBox.Ready"));
        Assert.That(race.Index, Is.Null);
        Assert.That(race.Accesses.Select(a => a.Access).Order(), Is.EqualTo(new[] { "read", "write" }));
        Assert.That(race.Accesses.Select(a => a.Operation).Order(), Is.EqualTo(new[] { "reader", "writer" }));
        Assert.That(race.Accesses, Has.All.Matches<RacingAccess>(a => a.Step >= 1 && a.Step <= report.Trace.Steps.Count));
        Assert.That(report.Bug!.Message, Does.Contain(race.Accesses[0].Site).And.Contain(race.Accesses[1].Site));

        AssertRoundTripsAndReplays(report);
    }

    [Test]
    public void ARaceOnAnElement_RecordsItsIndex()
    {
        var report = Workload.Explore("Partitioned.SharedSlot", s_random);
        Assert.That(report.Trace!.Bug!.Race, Is.Not.Null, report.Bug?.Message);
        Assert.That(report.Trace.Bug.Race!.Location, Is.EqualTo("Int32[]"));
        Assert.That(report.Trace.Bug.Race.Index, Is.Zero);
    }

    [Test]
    public void ATraceWhoseRaceHasOneAccess_IsRefused()
    {
        var report = Workload.Explore("Publication.PlainFlag", s_random);
        var broken = report.Trace! with { Bug = report.Trace.Bug! with { Race = report.Trace.Bug.Race! with { Accesses = [report.Trace.Bug.Race.Accesses[0]] } } };
        var json = TraceSerializer.ToUtf8(broken);
        var error = Assert.Throws<TraceFormatException>(() => TraceSerializer.FromUtf8(json, "t.json"));
        Assert.That(error!.Message, Does.Contain("the bug's race must name a location and two accesses"));
    }

    [Test]
    public void AReplayEndingInAnotherRace_DoesNotReproduceIt()
    {
        var report = Workload.Explore("Publication.PlainFlag", s_random);
        var recorded = report.Trace!.Bug!;
        var moved = recorded with { Race = recorded.Race! with { Accesses = [.. recorded.Race.Accesses.Select(a => a with { Step = a.Step + 1 })] } };
        Assert.That(TraceBugs.Match(recorded, recorded with { }), Is.True);
        Assert.That(TraceBugs.Match(recorded, moved), Is.False);
    }

    private static void AssertRoundTripsAndReplays(TestReport report)
    {
        var bytes = TraceSerializer.ToUtf8(report.Trace!);
        var read = TraceSerializer.FromUtf8(bytes, "trace.json");
        Assert.That(read.Bug!.Race?.SameAs(report.Trace!.Bug!.Race) ?? report.Trace!.Bug!.Race is null, Is.True);
        Assert.That(read.Bug!.Deadlock?.SameAs(report.Trace!.Bug!.Deadlock) ?? report.Trace!.Bug!.Deadlock is null, Is.True);
        Assert.That(Encoding.UTF8.GetString(TraceSerializer.ToUtf8(read)), Is.EqualTo(Encoding.UTF8.GetString(bytes)), "the same bytes after a round trip");
        var replay = Workload.Replay(read);
        Assert.That(replay.Divergence, Is.Null);
        Assert.That(replay.Bug?.Message, Is.EqualTo(report.Bug!.Message));
    }
}
