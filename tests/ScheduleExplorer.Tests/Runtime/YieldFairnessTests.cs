using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// <see cref="YieldFairness"/> alone: an operation that yields a second time before an operation
/// enabled at its first yield ran waits for that one, and only while it is enabled; nothing else changes.
/// </summary>
[TestFixture]
public sealed class YieldFairnessTests
{
    private static readonly int[] s_both = [0, 1];

    [Test]
    public void ASecondYield_BeforeTheOtherRan_WaitsForIt()
    {
        var fairness = new YieldFairness { Enabled = true };
        Assert.That(Decide(fairness, s_both, current: 0, SchedulingPointKind.Yield, choose: 0), Is.EqualTo(s_both), "a first yield holds nothing back");
        Assert.That(Decide(fairness, s_both, current: 0, SchedulingPointKind.Read, choose: 0), Is.EqualTo(s_both));
        Assert.That(Decide(fairness, s_both, current: 0, SchedulingPointKind.Yield, choose: 1), Is.EqualTo(new[] { 1 }), "operation 1 never ran since 0's first yield");
        Assert.That(Decide(fairness, s_both, current: 1, SchedulingPointKind.Read, choose: 0), Is.EqualTo(s_both), "once 1 ran, 0 may run again");
        Assert.That(fairness.HeldBack, Is.EqualTo(1));
    }

    [Test]
    public void ASecondYield_AfterTheOtherRan_HoldsNothingBack()
    {
        var fairness = new YieldFairness { Enabled = true };
        Decide(fairness, s_both, current: 0, SchedulingPointKind.Yield, choose: 1);
        Decide(fairness, s_both, current: 1, SchedulingPointKind.Read, choose: 0);
        Assert.That(Decide(fairness, s_both, current: 0, SchedulingPointKind.Yield, choose: 0), Is.EqualTo(s_both));
        Assert.That(fairness.HeldBack, Is.Zero);
    }

    [Test]
    public void AWaiter_RunsWhenWhatItWaitsForIsNotEnabled()
    {
        var fairness = new YieldFairness { Enabled = true };
        Decide(fairness, [0, 1, 2], current: 0, SchedulingPointKind.Yield, choose: 0);
        Assert.That(Decide(fairness, [0, 1, 2], current: 0, SchedulingPointKind.Yield, choose: 1), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(Decide(fairness, [0, 2], current: 1, SchedulingPointKind.Read, choose: 2), Is.EqualTo(new[] { 2 }), "2 has not run yet");
        Assert.That(Decide(fairness, [0], current: 2, SchedulingPointKind.Acquire, choose: 0), Is.EqualTo(new[] { 0 }), "never an empty choice");
    }

    [Test]
    public void WhatAYielderDisabled_ItWaitsForAtItsNextYield()
    {
        var fairness = new YieldFairness { Enabled = true };
        Decide(fairness, [0], current: 0, SchedulingPointKind.Yield, choose: 0);

        // 1 becomes enabled, 0's next step takes the lock 1 waits for, then 0 releases it again:
        // 1 was not enabled at 0's first yield, but 0 kept it from running.
        Decide(fairness, s_both, current: 0, SchedulingPointKind.Read, choose: 0);
        Decide(fairness, [0], current: 0, SchedulingPointKind.Release, choose: 0);
        Assert.That(Decide(fairness, s_both, current: 0, SchedulingPointKind.Yield, choose: 1), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void Disabled_OrABlockedSpin_ChangesNothing()
    {
        var off = new YieldFairness { Enabled = false };
        var on = new YieldFairness { Enabled = true };
        for (int i = 0; i < 5; i++)
        {
            Assert.That(Decide(off, s_both, current: 0, SchedulingPointKind.Yield, choose: 0), Is.EqualTo(s_both));

            // A spin-wait blocks its operation until another steps: not enabled, so not a yield here.
            Assert.That(Decide(on, [1], current: 0, SchedulingPointKind.Yield, choose: 1), Is.EqualTo(new[] { 1 }));
        }

        Assert.That(on.HeldBack + off.HeldBack, Is.Zero);
    }

    [Test]
    public void Clear_ForgetsTheIteration()
    {
        var fairness = new YieldFairness { Enabled = true };
        Decide(fairness, s_both, current: 0, SchedulingPointKind.Yield, choose: 0);
        fairness.Clear();
        Assert.That(Decide(fairness, s_both, current: 0, SchedulingPointKind.Yield, choose: 0), Is.EqualTo(s_both), "the first yield of a new iteration");
    }

    private static int[] Decide(YieldFairness fairness, int[] enabled, int current, SchedulingPointKind kind, int choose)
    {
        int[] offered = fairness.Filter(enabled, current, kind).ToArray();
        Assert.That(offered, Does.Contain(choose), "the test chooses among what is offered");
        fairness.Chosen(choose);
        return offered;
    }
}
