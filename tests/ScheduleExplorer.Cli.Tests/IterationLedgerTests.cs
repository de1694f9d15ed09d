using ScheduleExplorer.Cli.Parallel;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// The parent's account of a parallel run: the lowest iteration that ends the run decides, but only
/// once every earlier iteration is done, and the figures are those of the iterations up to it.
/// </summary>
[TestFixture]
public sealed class IterationLedgerTests
{
    [Test]
    public void TheLowestEndingIteration_Decides_OnceEveryEarlierOneIsDone()
    {
        var ledger = new IterationLedger(first: 10, count: 8);
        Assert.That(ledger.Record(2, new ExploredIteration(15, 40, false, EndsRun: true)), Is.False);
        Assert.That(ledger.Record(1, new ExploredIteration(10, 5, true, false)), Is.False);
        Assert.That(ledger.Record(1, new ExploredIteration(12, 7, false, false)), Is.False);
        Assert.That(ledger.Record(2, new ExploredIteration(13, 9, true, EndsRun: true)), Is.False, "a lower end");
        Assert.That(ledger.Complete, Is.False, "iteration 11 is not done");
        Assert.That(ledger.Record(1, new ExploredIteration(14, 3, false, false)), Is.True, "past the end: that part may stop");
        ledger.Record(2, new ExploredIteration(11, 6, false, false));
        Assert.Multiple(() =>
        {
            Assert.That(ledger.Complete, Is.True);
            Assert.That(ledger.End, Is.EqualTo((13, 2)));
            Assert.That(ledger.Done, Is.EqualTo(6));
            Assert.That(ledger.Ends, Is.EqualTo(2));
            Assert.That(ledger.Totals(4, TimeSpan.FromSeconds(1), false, true), Is.EqualTo(new PartTotals(4, 27, 9, 2, 11, TimeSpan.FromSeconds(1), false, true)));
        });
    }

    [Test]
    public void ARace_EndsNothing_AndTheLowestOneIsKept()
    {
        var ledger = new IterationLedger(first: 0, count: 4);
        ledger.Record(2, new ExploredIteration(3, 8, false, false, NotesRace: true));
        ledger.Record(1, new ExploredIteration(0, 8, false, false));
        ledger.Record(2, new ExploredIteration(1, 8, false, false, NotesRace: true));
        Assert.That(ledger.Record(1, new ExploredIteration(2, 8, false, false, NotesRace: true)), Is.False, "a race does not let a part stop");
        Assert.Multiple(() =>
        {
            Assert.That(ledger.End, Is.Null);
            Assert.That(ledger.Complete, Is.True, "every iteration is done");
            Assert.That(ledger.Race, Is.EqualTo((1, 2)));
        });
    }

    [Test]
    public void Totals_RoundTripThroughTheVerdictLine()
    {
        var totals = new PartTotals(4_000, 123_456_789_012, 34, 2, 17, TimeSpan.FromTicks(123_456_789), Interrupted: true, KeepResult: false);
        Assert.Multiple(() =>
        {
            Assert.That(PartTotals.Parse(totals.Format()), Is.EqualTo(totals));
            Assert.That(PartTotals.Parse((totals with { FirstStepBoundIteration = null }).Format()).FirstStepBoundIteration, Is.Null);
            Assert.That(PartProtocol.TryParseIteration(PartProtocol.Iteration(new ExploredIteration(7, 31, true, false)), out var back) ? back : default, Is.EqualTo(new ExploredIteration(7, 31, true, false)));
            Assert.That(PartProtocol.TryParseIteration(PartProtocol.Iteration(new ExploredIteration(8, 2, false, false, NotesRace: true)), out var race) ? race : default, Is.EqualTo(new ExploredIteration(8, 2, false, false, NotesRace: true)));
            Assert.That(PartProtocol.TryParseIteration("Bug found in iteration 3", out _), Is.False);
        });
    }
}
