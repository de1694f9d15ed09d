using ScheduleExplorer.Controlled;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>Thread identity, state, interrupts, ThreadLocal and AsyncLocal under control, in all schedules (DFS).</summary>
[TestFixture]
public sealed class ThreadStateSemanticsTests
{
    [Test]
    public void ManagedThreadIds_AreDistinct_Deterministic_AndStableForAThreadsLife()
    {
        var seenIds = new HashSet<string>();
        Explore.HoldsEverywhere(() =>
        {
            int[] ids = new int[3];
            var worker = ControlledThread.Create(() =>
            {
                ids[1] = ControlledEnvironment.get_CurrentManagedThreadId();
                Explore.Step();
                ids[2] = ControlledThread.get_ManagedThreadId(ControlledThread.get_CurrentThread());
            });
            int before = ControlledThread.get_ManagedThreadId(worker);
            ControlledThread.Start(worker);
            ids[0] = ControlledEnvironment.get_CurrentManagedThreadId();
            Explore.Step();
            ControlledThread.Join(worker);
            Assert.That(ids[0], Is.EqualTo(1), "the main flow");
            Assert.That((before, ids[1], ids[2]), Is.EqualTo((2, 2, 2)));
            seenIds.Add(string.Join(",", ids));
        });
        Assert.That(seenIds, Has.Count.EqualTo(1), "every schedule reports the same ids");
    }

    [Test]
    public void ThreadState_FollowsTheModel()
    {
        Explore.HoldsEverywhere(() =>
        {
            var gate = ControlledManualResetEventSlim.Create(false);
            var worker = ControlledThread.Create(() =>
            {
                Explore.Step();
                ControlledManualResetEventSlim.Wait(gate);
            });
            Assert.That(ControlledThread.get_ThreadState(worker), Is.EqualTo(ThreadState.Unstarted));
            ControlledThread.Start(worker);
            Assert.That(ControlledThread.get_IsAlive(worker), Is.True);
            ControlledSpinWait.SpinUntil(() => ControlledThread.get_ThreadState(worker) == ThreadState.WaitSleepJoin);

            ControlledManualResetEventSlim.Set(gate);
            ControlledThread.Join(worker);
            Assert.That(ControlledThread.get_ThreadState(worker), Is.EqualTo(ThreadState.Stopped));
            Assert.That(ControlledThread.get_ThreadState(ControlledThread.get_CurrentThread()), Is.EqualTo(ThreadState.Running));
        });
    }

    [Test]
    public void Interrupt_EndsABlockedWait_WithThreadInterruptedException_InsteadOfADeadlock()
    {
        Explore.HoldsEverywhere(() =>
        {
            var gate = new object();
            var caught = new List<string>();
            var sleeper = ControlledThread.Create(() =>
            {
                try
                {
                    ControlledThread.Sleep(Timeout.Infinite);
                }
                catch (ThreadInterruptedException)
                {
                    caught.Add("sleep");
                }

                ControlledMonitor.Enter(gate);
                try
                {
                    ControlledMonitor.Wait(gate);
                }
                catch (ThreadInterruptedException)
                {
                    caught.Add(ControlledMonitor.IsEntered(gate) ? "wait, monitor held" : "wait, monitor lost");
                }

                ControlledMonitor.Exit(gate);
            });
            ControlledThread.Start(sleeper);
            ControlledThread.Interrupt(sleeper);
            // Until the sleeper sits in Monitor.Wait (a spin-wait gives it the steps to get there).
            ControlledSpinWait.SpinUntil(() => caught.Count == 1 && ControlledThread.get_ThreadState(sleeper) == ThreadState.WaitSleepJoin);

            ControlledThread.Interrupt(sleeper);
            ControlledThread.Join(sleeper);
            Assert.That(caught, Is.EqualTo(new[] { "sleep", "wait, monitor held" }));
        });
    }

    [Test]
    public void ThreadLocal_IsFreshPerOperationAndPerIteration()
    {
        var local = ControlledThreadLocal.Create(() => 0, trackAllValues: true);
        Explore.HoldsEverywhere(() =>
        {
            var other = Explore.Start(() =>
            {
                Assert.That(ControlledThreadLocal.get_Value(local), Is.EqualTo(0));
                ControlledThreadLocal.set_Value(local, 2);
                Explore.Step();
                Assert.That(ControlledThreadLocal.get_Value(local), Is.EqualTo(2));
            });
            Assert.That(ControlledThreadLocal.get_IsValueCreated(local), Is.False, "nothing leaks from an earlier iteration");
            ControlledThreadLocal.set_Value(local, 1);
            Explore.Step();
            ControlledThread.Join(other);
            Assert.That(ControlledThreadLocal.get_Value(local), Is.EqualTo(1));
            Assert.That(ControlledThreadLocal.get_Values(local), Is.EquivalentTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public void AsyncLocal_FlowsIntoAStartedThread_AndItsChangesDoNotFlowBack()
    {
        var flowing = new AsyncLocal<string?>();
        Explore.HoldsEverywhere(() =>
        {
            flowing.Value = "request 1";
            string? seen = null;
            var child = Explore.Start(() =>
            {
                seen = flowing.Value;
                flowing.Value = "changed by the child";
                Explore.Step();
            });
            Explore.Step();
            ControlledThread.Join(child);
            Assert.That(seen, Is.EqualTo("request 1"));
            Assert.That(flowing.Value, Is.EqualTo("request 1"));
        });
    }

    [Test]
    public void Interrupt_OfAThreadNeverBlocking_IsPendingHarmlessly()
    {
        var (_, failure, _) = Explore.All(() =>
        {
            var worker = Explore.Start(() => Explore.Step());
            ControlledThread.Interrupt(worker);
            ControlledThread.Join(worker);
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message);

        (_, failure, _) = Explore.All(() =>
        {
            var worker = Explore.Start(() => ControlledThread.Sleep(Timeout.Infinite));
            ControlledThread.Join(worker);
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), "without the interrupt the same program deadlocks");
    }
}
