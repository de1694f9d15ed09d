using ScheduleExplorer.Controlled;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// Values that differ between processes on real threads are the same in every controlled iteration
/// and replay: GUIDs, string hash codes, and bulk random draws (recorded as one data choice each).
/// </summary>
[TestFixture]
public sealed class NondeterminismTests
{
    private static (IterationOutcome Outcome, List<string> Seen) RunOnce(ulong seed, Action<List<string>> scenario)
    {
        using var scheduler = new ControlledScheduler(new RandomStrategy(seed), new SchedulerOptions { MaxSteps = 5_000 });
        var seen = new List<string>();
        var outcome = scheduler.RunIteration(() => scenario(seen), keepSchedule: true);
        Assert.That(outcome.Bug, Is.Null, outcome.Bug?.Message);
        return (outcome, seen);
    }

    private static void TwoThreadsRecordGuids(List<string> seen)
    {
        var gate = new object();
        void Record()
        {
            Guid first = ControlledGuid.NewGuid();
            Guid second = ControlledGuid.NewGuid();
            ControlledMonitor.Enter(gate);
            seen.Add($"{ControlledEnvironment.get_CurrentManagedThreadId()}:{first}:{second}");
            ControlledMonitor.Exit(gate);
        }

        var a = Explore.Start(Record);
        var b = Explore.Start(Record);
        ControlledThread.Join(a);
        ControlledThread.Join(b);
    }

    [Test]
    public void NewGuid_UnderControl_IsTheSameInEveryIteration_AndUniqueWithinOne()
    {
        var first = RunOnce(1, TwoThreadsRecordGuids).Seen;
        var again = RunOnce(99, TwoThreadsRecordGuids).Seen;
        Assert.That(again.Order(), Is.EqualTo(first.Order()), "each operation's GUIDs do not depend on the schedule or the seed");

        var guids = first.SelectMany(line => line.Split(':').Skip(1)).Select(Guid.Parse).ToList();
        Assert.That(guids, Has.Count.EqualTo(4));
        Assert.That(guids, Is.Unique);
        Assert.That(guids.Select(g => g.ToString()[14]), Has.All.EqualTo('4'), "version 4");
        Assert.That(guids.Select(g => g.ToString()[19]), Has.All.AnyOf('8', '9', 'a', 'b'), "RFC 4122 variant");
    }

    [Test]
    public void NewGuid_OutsideAControlledRun_IsTheRealOne()
    {
        Guid first = ControlledGuid.NewGuid();
        Guid second = ControlledGuid.NewGuid();
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void StringHashCodes_UnderControl_AreFnv1aOverUtf16_InEveryProcess()
    {
        int expected = Fnv1a("order-17");
        int viaObject = 0, viaComparison = 0, ignoringCase = 0, upper = 0, span = 0;
        RunOnce(3, _ =>
        {
            viaObject = ControlledObject.GetHashCode("order-17");
            viaComparison = ControlledString.GetHashCode("order-17", StringComparison.Ordinal);
            span = ControlledString.GetHashCode("order-17".AsSpan());
            ignoringCase = ControlledString.GetHashCode("Order-17", StringComparison.OrdinalIgnoreCase);
            upper = ControlledString.GetHashCode("ORDER-17", StringComparison.OrdinalIgnoreCase);
        });

        Assert.That(viaObject, Is.EqualTo(expected));
        Assert.That(viaComparison, Is.EqualTo(expected));
        Assert.That(span, Is.EqualTo(expected));
        Assert.That(ignoringCase, Is.EqualTo(upper), "equal under the comparison, equal hash");
        Assert.That(ControlledObject.GetHashCode(42), Is.EqualTo(42.GetHashCode()), "other receivers keep their own hash");
    }

    [Test]
    public void BulkRandomDraws_AreOneRecordedChoiceEach_AndRepeatWithTheSeed()
    {
        static void Draw(List<string> seen)
        {
            var bytes = new byte[32];
            ControlledRandom.NextBytes(Random.Shared, bytes);
            int[] deck = [1, 2, 3, 4, 5, 6, 7, 8];
            ControlledRandom.Shuffle(Random.Shared, deck);
            seen.Add(Convert.ToHexString(bytes));
            seen.Add(string.Join(",", deck));
            seen.Add(ControlledRandom.NextInt64(Random.Shared, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture));
            seen.Add(ControlledRandom.GetHexString(Random.Shared, 16, lowercase: true));
        }

        var (outcome, seen) = RunOnce(7, Draw);
        var (_, again) = RunOnce(7, Draw);
        var (_, other) = RunOnce(8, Draw);
        Assert.That(again, Is.EqualTo(seen), "same seed, same data");
        Assert.That(other, Is.Not.EqualTo(seen), "another seed, other data");
        Assert.That(outcome.Schedule.Count(step => step.IsDataChoice), Is.EqualTo(4), "one recorded choice per call, not one per byte");
    }

    private static int Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in System.Text.Encoding.Unicode.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619;
        }

        return unchecked((int)hash);
    }
}
