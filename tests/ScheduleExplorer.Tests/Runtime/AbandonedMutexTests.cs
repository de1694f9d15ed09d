using ScheduleExplorer.Controlled;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// A thread that ends holding a <see cref="Mutex"/> abandons it: the next wait takes it and throws
/// <see cref="AbandonedMutexException"/>, in every schedule, as on real threads (checked first).
/// </summary>
[TestFixture]
public sealed class AbandonedMutexTests
{
    [Test]
    public void OnRealThreads_TheNextWaitTakesAnAbandonedMutex_AndThrows()
    {
        using var mutex = new Mutex();
        var owner = new Thread(() => mutex.WaitOne());
        owner.Start();
        owner.Join();
        Assert.Throws<AbandonedMutexException>(() => mutex.WaitOne());
        Assert.DoesNotThrow(mutex.ReleaseMutex, "the waiter owns it now");
    }

    [Test]
    public void UnderControl_TheNextWaitTakesAnAbandonedMutex_AndThrows_InEverySchedule()
    {
        Explore.HoldsEverywhere(() =>
        {
            var mutex = ControlledMutex.Create();
            var owner = Explore.Start(() => ControlledWaitHandle.WaitOne(mutex));
            Explore.Step();
            ControlledThread.Join(owner);
            Assert.Throws<AbandonedMutexException>(() => ControlledWaitHandle.WaitOne(mutex));
            ControlledMutex.ReleaseMutex(mutex);
        });
    }

    [Test]
    public void UnderControl_AWaiterBlockedOnTheOwner_IsWokenByTheAbandonment_NotADeadlock()
    {
        Explore.HoldsEverywhere(() =>
        {
            var mutex = ControlledMutex.Create();
            var taken = ControlledManualResetEventSlim.Create(false);
            var owner = Explore.Start(() =>
            {
                ControlledWaitHandle.WaitOne(mutex);
                ControlledManualResetEventSlim.Set(taken);
                Explore.Step();
            });
            ControlledManualResetEventSlim.Wait(taken);
            Explore.Step();
            int index = -2;
            var e = Assert.Throws<AbandonedMutexException>(() => index = ControlledWaitHandle.WaitAny([mutex]));
            Assert.That(e!.MutexIndex, Is.EqualTo(0));
            ControlledMutex.ReleaseMutex(mutex);
            ControlledThread.Join(owner);
        });
    }

    [Test]
    public void UnderControl_AMutexHeldByALiveThread_IsNotAbandoned()
    {
        var (_, failure, _) = Explore.All(() =>
        {
            var mutex = ControlledMutex.Create();
            var held = ControlledManualResetEventSlim.Create(false);
            var never = ControlledManualResetEventSlim.Create(false);
            Explore.Start(() =>
            {
                ControlledWaitHandle.WaitOne(mutex);
                ControlledManualResetEventSlim.Set(held);
                ControlledManualResetEventSlim.Wait(never);
            });
            ControlledManualResetEventSlim.Wait(held);
            ControlledWaitHandle.WaitOne(mutex);
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(Detection.BugKind.Deadlock));
    }
}
