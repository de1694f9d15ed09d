using ScheduleExplorer.Controlled;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>WaitAny/WaitAll/SignalAndWait, unnamed Mutex and Semaphore act on the controlled model in all schedules (DFS).</summary>
[TestFixture]
public sealed class HandleSemanticsTests
{
    [Test]
    public void WaitAny_SeesASetMadeUnderControl_AndTakesTheLowestIndex_ResettingOnlyThatAutoResetEvent()
    {
        var indices = new HashSet<int>();
        Explore.HoldsEverywhere(() =>
        {
            var first = ControlledAutoResetEvent.Create(false);
            var second = ControlledAutoResetEvent.Create(false);
            var setter = Explore.Start(() =>
            {
                ControlledEventWaitHandle.Set(second);
                Explore.Step();
                ControlledEventWaitHandle.Set(first);
            });
            Explore.Step("main");
            int index = ControlledWaitHandle.WaitAny([first, second]);
            indices.Add(index);
            ControlledThread.Join(setter);

            // Exactly one of the two was consumed.
            int left = ControlledWaitHandle.WaitAny([first, second], 0);
            Assert.That(left, Is.EqualTo(1 - index));
            Assert.That(ControlledWaitHandle.WaitAny([first, second], 0), Is.EqualTo(WaitHandle.WaitTimeout));
        });
        Assert.That(indices, Is.EquivalentTo(new[] { 0, 1 }));
    }

    [Test]
    public void WaitAll_WaitsForEveryHandle_AndTimesOutOnTheVirtualClock()
    {
        Explore.HoldsEverywhere(() =>
        {
            var a = ControlledManualResetEvent.Create(false);
            var b = ControlledAutoResetEvent.Create(false);
            var done = new int[1];
            var setter = Explore.Start(() =>
            {
                ControlledEventWaitHandle.Set(a);
                Explore.Step();
                done[0] = 1;
                ControlledEventWaitHandle.Set(b);
            });
            Explore.Step("main");
            ControlledWaitHandle.WaitAll([a, b]);
            if (done[0] != 1)
            {
                throw new InvalidOperationException("WaitAll returned before the second event was set");
            }

            Assert.That(ControlledWaitHandle.WaitOne(a, 0), Is.True, "manual-reset stays set");
            Assert.That(ControlledWaitHandle.WaitOne(b, 0), Is.False, "auto-reset was consumed");
            ControlledThread.Join(setter);
        });

        var (_, failure, maxTime) = Explore.All(() =>
        {
            var a = ControlledManualResetEvent.Create(true);
            var b = ControlledManualResetEvent.Create(false);
            Assert.That(ControlledWaitHandle.WaitAll([a, b], 300), Is.False);
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message);
        Assert.That(maxTime, Is.EqualTo(300));
    }

    [Test]
    public void SignalAndWait_HandsTheTokenOver()
    {
        Explore.HoldsEverywhere(() =>
        {
            var ping = ControlledAutoResetEvent.Create(false);
            var pong = ControlledAutoResetEvent.Create(false);
            var turns = new List<string>();
            var other = Explore.Start(() =>
            {
                ControlledWaitHandle.WaitOne(ping);
                turns.Add("pong");
                ControlledEventWaitHandle.Set(pong);
            });
            turns.Add("ping");
            Explore.Step("main");
            ControlledWaitHandle.SignalAndWait(ping, pong);
            turns.Add("ping again");
            ControlledThread.Join(other);
            Assert.That(turns, Is.EqualTo(new[] { "ping", "pong", "ping again" }));
        });
    }

    [Test]
    public void Mutex_ExcludesAndIsRecursive_ReleaseByANonOwnerThrows_AndAHeldMutexDeadlocks()
    {
        Explore.HoldsEverywhere(() =>
        {
            var mutex = ControlledMutex.Create();
            var box = new int[1];
            void Increment()
            {
                ControlledWaitHandle.WaitOne(mutex);
                ControlledWaitHandle.WaitOne(mutex);
                int seen = box[0];
                Explore.Step();
                box[0] = seen + 1;
                ControlledMutex.ReleaseMutex(mutex);
                ControlledMutex.ReleaseMutex(mutex);
            }

            var other = Explore.Start(Increment);
            Increment();
            ControlledThread.Join(other);
            Assert.That(box[0], Is.EqualTo(2));
            Assert.Throws<ApplicationException>(() => ControlledMutex.ReleaseMutex(mutex));
        });

        var (_, failure, _) = Explore.All(() =>
        {
            var mutex = ControlledMutex.Create(initiallyOwned: true);
            var other = Explore.Start(() => ControlledWaitHandle.WaitOne(mutex));
            ControlledThread.Join(other);
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), failure?.Bug?.Message ?? "no bug");
        Assert.That(failure!.Bug!.Message, Does.Contain("Mutex#"));
    }

    [Test]
    public void Semaphore_AdmitsItsCount_AndReleasePastTheMaximumThrows()
    {
        Explore.HoldsEverywhere(() =>
        {
            var semaphore = ControlledSemaphore.Create(1, 1);
            var inside = new int[1];
            void Visit()
            {
                ControlledWaitHandle.WaitOne(semaphore);
                if (++inside[0] > 1)
                {
                    throw new InvalidOperationException("two inside a semaphore of one");
                }

                Explore.Step();
                inside[0]--;
                ControlledSemaphore.Release(semaphore);
            }

            var other = Explore.Start(Visit);
            Visit();
            ControlledThread.Join(other);
            Assert.Throws<SemaphoreFullException>(() => ControlledSemaphore.Release(semaphore));
        });
    }

    [Test]
    public void NamedMutexAndSemaphore_AreRefusedAsUncontrolled()
    {
        var (_, failure, _) = Explore.All(() => ControlledMutex.Create(false, "Global\\schedex-test"));
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.UncontrolledConcurrency), failure?.Bug?.Message ?? "no bug");
        Assert.That(failure!.Bug!.Message, Does.Contain("Mutex..ctor").And.Contain("named Mutex or Semaphore"));

        (_, failure, _) = Explore.All(() => ControlledSemaphore.Create(0, 1, "schedex-test"));
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.UncontrolledConcurrency), failure?.Bug?.Message ?? "no bug");
    }
}
