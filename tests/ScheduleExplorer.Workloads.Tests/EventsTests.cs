using ScheduleExplorer.Workloads.Misbehaving;

namespace ScheduleExplorer.Workloads.Tests;

/// <summary>The correct event-based samples terminate and pass their checks on real threads.</summary>
[TestFixture]
public sealed class EventsTests
{
    private const int Threads = 4;
    private const int Size = 10_000;

    /// <summary>ManualResetEventSlim publication.</summary>
    [Test]
    public void ManualResetEventSlimHandoff_FourConsumers_EveryoneSeesAllItems() =>
        Bounded.Run(() => Events.ManualResetEventSlimHandoff(Threads, Size));

    /// <summary>AutoResetEvent token ring.</summary>
    [Test]
    public void AutoResetEventPingPong_FourPlayers_TokenPassedEveryRound() =>
        Bounded.Run(() => Events.AutoResetEventPingPong(Threads, Size));

    /// <summary>AutoResetEvent ping-pong between exactly two threads.</summary>
    [Test]
    public void AutoResetEventPingPong_TwoPlayers_TokenPassedEveryRound() =>
        Bounded.Run(() => Events.AutoResetEventPingPong(2, Size));

    /// <summary>Monitor.Wait/PulseAll bounded queue.</summary>
    [Test]
    public void MonitorWaitPulseQueue_FourProducers_ConsumerGetsEveryItem() =>
        Bounded.Run(() => Events.MonitorWaitPulseQueue(Threads, Size));

    /// <summary>Every parameterless entry completes, including the aggregate one.</summary>
    [Test]
    public void DefaultEntries_AllSamples_Complete() =>
        Bounded.Run(() =>
        {
            Events.ManualResetEventSlimHandoff();
            Events.AutoResetEventPingPong();
            Events.MonitorWaitPulseQueue();
            Events.ProducerConsumer();
        });
}
