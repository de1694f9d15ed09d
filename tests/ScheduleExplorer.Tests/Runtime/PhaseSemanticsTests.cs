using ScheduleExplorer.Controlled;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>Barrier and CountdownEvent behave as the BCL documents in all schedules (DFS).</summary>
[TestFixture]
public sealed class PhaseSemanticsTests
{
    [Test]
    public void Barrier_NobodyPassesAPhaseBeforeAllArrive_AndTheLastRunsThePostPhaseAction()
    {
        Explore.HoldsEverywhere(() =>
        {
            var arrived = new int[2];
            var actions = new List<long>();
            var barrier = ControlledBarrier.Create(2, b => actions.Add(ControlledBarrier.get_CurrentPhaseNumber(b)));
            void Participant()
            {
                for (int phase = 0; phase < 2; phase++)
                {
                    arrived[phase]++;
                    ControlledBarrier.SignalAndWait(barrier);
                    if (arrived[phase] != 2 || actions.Count != phase + 1)
                    {
                        throw new InvalidOperationException($"passed phase {phase} with {arrived[phase]} arrived");
                    }
                }
            }

            var other = Explore.Start(Participant);
            Participant();
            ControlledThread.Join(other);
            Assert.That(actions, Is.EqualTo(new long[] { 0, 1 }));
            Assert.That(ControlledBarrier.get_CurrentPhaseNumber(barrier), Is.EqualTo(2));
        });
    }

    [Test]
    public void Barrier_AMissingParticipant_IsADeadlock_AndATimeoutTakesTheSignalBack()
    {
        var (_, failure, _) = Explore.All(() =>
        {
            var barrier = ControlledBarrier.Create(3);
            var other = Explore.Start(() => ControlledBarrier.SignalAndWait(barrier));
            ControlledBarrier.SignalAndWait(barrier);
            ControlledThread.Join(other);
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), failure?.Bug?.Message ?? "no bug");
        Assert.That(failure!.Bug!.Message, Does.Contain("waits for Barrier#"));

        var (_, timedOut, maxTime) = Explore.All(() =>
        {
            var barrier = ControlledBarrier.Create(2);
            Assert.That(ControlledBarrier.SignalAndWait(barrier, 500), Is.False);
            Assert.That(ControlledBarrier.get_ParticipantsRemaining(barrier), Is.EqualTo(2));
            Assert.That(ControlledBarrier.get_CurrentPhaseNumber(barrier), Is.EqualTo(0));
        });
        Assert.That(timedOut, Is.Null, timedOut?.Bug?.Message);
        Assert.That(maxTime, Is.EqualTo(500));
    }

    [Test]
    public void Barrier_AFailingPostPhaseAction_IsABarrierPostPhaseExceptionForEveryParticipant()
    {
        var (_, failure, _) = Explore.All(() =>
        {
            var barrier = ControlledBarrier.Create(2, _ => throw new FormatException("post-phase"));
            Exception? otherFailure = null;
            var other = Explore.Start(() => otherFailure = Assert.Catch(() => ControlledBarrier.SignalAndWait(barrier)));
            var mine = Assert.Catch(() => ControlledBarrier.SignalAndWait(barrier));
            ControlledThread.Join(other);
            Assert.That(mine, Is.TypeOf<BarrierPostPhaseException>());
            Assert.That(otherFailure, Is.TypeOf<BarrierPostPhaseException>());
            Assert.That(mine!.InnerException, Is.TypeOf<FormatException>());
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message);
    }

    [Test]
    public void CountdownEvent_WaitReturnsOnlyAtZero_AndSignalBelowZeroThrows()
    {
        Explore.HoldsEverywhere(() =>
        {
            var done = new int[1];
            var countdown = ControlledCountdownEvent.Create(2);
            var workers = Enumerable.Range(0, 2).Select(_ => Explore.Start(() =>
            {
                Explore.Step();
                done[0]++;
                ControlledCountdownEvent.Signal(countdown);
            })).ToList();
            ControlledCountdownEvent.Wait(countdown);
            if (done[0] != 2 || !ControlledCountdownEvent.get_IsSet(countdown))
            {
                throw new InvalidOperationException($"Wait returned with {done[0]} of 2 done");
            }

            Assert.Throws<InvalidOperationException>(() => ControlledCountdownEvent.Signal(countdown));
            Assert.That(ControlledCountdownEvent.TryAddCount(countdown), Is.False);
            workers.ForEach(ControlledThread.Join);
        });
    }

    [Test]
    public void CountdownEvent_TimedWait_ReturnsFalse_AndAMissingSignalIsADeadlock()
    {
        var (_, timedOut, maxTime) = Explore.All(() =>
        {
            var countdown = ControlledCountdownEvent.Create(1);
            Assert.That(ControlledCountdownEvent.Wait(countdown, 250), Is.False);
            ControlledCountdownEvent.AddCount(countdown, 2);
            Assert.That(ControlledCountdownEvent.get_CurrentCount(countdown), Is.EqualTo(3));
        });
        Assert.That(timedOut, Is.Null, timedOut?.Bug?.Message);
        Assert.That(maxTime, Is.EqualTo(250));

        var (_, failure, _) = Explore.All(() =>
        {
            var countdown = ControlledCountdownEvent.Create(2);
            var worker = Explore.Start(() => ControlledCountdownEvent.Signal(countdown));
            ControlledCountdownEvent.Wait(countdown);
            ControlledThread.Join(worker);
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), failure?.Bug?.Message ?? "no bug");
        Assert.That(failure!.Bug!.Message, Does.Contain("waits for CountdownEvent#"));
    }
}
