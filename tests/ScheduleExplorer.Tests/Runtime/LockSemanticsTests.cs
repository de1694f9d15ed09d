using ScheduleExplorer.Controlled;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>ReaderWriterLockSlim, SpinLock and SpinWait behave as the BCL documents in all schedules (DFS).</summary>
[TestFixture]
public sealed class LockSemanticsTests
{
    [Test]
    public void ReaderWriterLockSlim_ReadersShare_AWriterIsAlone()
    {
        var mostReadersInside = 0;
        Explore.HoldsEverywhere(() =>
        {
            var rw = ControlledReaderWriterLockSlim.Create();
            int readers = 0, writers = 0;
            void Read()
            {
                ControlledReaderWriterLockSlim.EnterReadLock(rw);
                readers++;
                Explore.Step();
                mostReadersInside = Math.Max(mostReadersInside, readers);
                if (writers != 0)
                {
                    throw new InvalidOperationException("a reader beside a writer");
                }

                readers--;
                ControlledReaderWriterLockSlim.ExitReadLock(rw);
            }

            var a = Explore.Start(Read);
            var b = Explore.Start(Read);
            ControlledReaderWriterLockSlim.EnterWriteLock(rw);
            writers++;
            Explore.Step();
            if (readers != 0 || !ControlledReaderWriterLockSlim.get_IsWriteLockHeld(rw))
            {
                throw new InvalidOperationException("a writer beside a reader");
            }

            writers--;
            ControlledReaderWriterLockSlim.ExitWriteLock(rw);
            ControlledThread.Join(a);
            ControlledThread.Join(b);
        });
        Assert.That(mostReadersInside, Is.EqualTo(2), "two readers were inside together in some schedule");
    }

    [Test]
    public void ReaderWriterLockSlim_UpgradeableHolders_AreOneAtATime_AndUpgradeWaitsForReaders()
    {
        Explore.HoldsEverywhere(() =>
        {
            var rw = ControlledReaderWriterLockSlim.Create();
            int value = 0, upgraders = 0;
            void IncrementIfEven()
            {
                ControlledReaderWriterLockSlim.EnterUpgradeableReadLock(rw);
                if (++upgraders != 1)
                {
                    throw new InvalidOperationException("two upgradeable holders");
                }

                int seen = value;
                Explore.Step();
                ControlledReaderWriterLockSlim.EnterWriteLock(rw);
                value = seen + 1;
                ControlledReaderWriterLockSlim.ExitWriteLock(rw);
                upgraders--;
                ControlledReaderWriterLockSlim.ExitUpgradeableReadLock(rw);
            }

            var reader = Explore.Start(() =>
            {
                ControlledReaderWriterLockSlim.EnterReadLock(rw);
                Explore.Step();
                ControlledReaderWriterLockSlim.ExitReadLock(rw);
            });
            var other = Explore.Start(IncrementIfEven);
            IncrementIfEven();
            ControlledThread.Join(other);
            ControlledThread.Join(reader);
            if (value != 2)
            {
                throw new InvalidOperationException($"lost update: {value}");
            }
        });
    }

    [Test]
    public void ReaderWriterLockSlim_RecursionPolicy_IsTheBcls()
    {
        var (_, failure, _) = Explore.All(() =>
        {
            var strict = ControlledReaderWriterLockSlim.Create();
            ControlledReaderWriterLockSlim.EnterReadLock(strict);
            Assert.Throws<LockRecursionException>(() => ControlledReaderWriterLockSlim.EnterReadLock(strict));
            Assert.Throws<LockRecursionException>(() => ControlledReaderWriterLockSlim.EnterWriteLock(strict));
            Assert.Throws<LockRecursionException>(() => ControlledReaderWriterLockSlim.EnterUpgradeableReadLock(strict));
            ControlledReaderWriterLockSlim.ExitReadLock(strict);
            Assert.Throws<SynchronizationLockException>(() => ControlledReaderWriterLockSlim.ExitReadLock(strict));

            var recursive = ControlledReaderWriterLockSlim.Create(LockRecursionPolicy.SupportsRecursion);
            ControlledReaderWriterLockSlim.EnterWriteLock(recursive);
            ControlledReaderWriterLockSlim.EnterWriteLock(recursive);
            ControlledReaderWriterLockSlim.EnterReadLock(recursive);
            Assert.That(ControlledReaderWriterLockSlim.get_RecursiveWriteCount(recursive), Is.EqualTo(2));
            ControlledReaderWriterLockSlim.ExitReadLock(recursive);
            ControlledReaderWriterLockSlim.ExitWriteLock(recursive);
            ControlledReaderWriterLockSlim.ExitWriteLock(recursive);
            Assert.That(ControlledReaderWriterLockSlim.get_IsWriteLockHeld(recursive), Is.False);
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message);
    }

    [Test]
    public void ReaderWriterLockSlim_TryEnterWriteLock_TimesOutOnTheVirtualClock_AndAWaitingWriterKeepsNewReadersOut()
    {
        var (_, failure, maxTime) = Explore.All(() =>
        {
            var rw = ControlledReaderWriterLockSlim.Create();
            var order = new List<string>();
            ControlledReaderWriterLockSlim.EnterReadLock(rw);
            var writer = Explore.Start(() =>
            {
                if (ControlledReaderWriterLockSlim.TryEnterWriteLock(rw, 1_000))
                {
                    throw new InvalidOperationException("entered the write lock while a reader held it");
                }

                ControlledReaderWriterLockSlim.EnterWriteLock(rw);
                order.Add("writer");
                ControlledReaderWriterLockSlim.ExitWriteLock(rw);
            });
            while (ControlledReaderWriterLockSlim.get_WaitingWriteCount(rw) == 0 || ControlledVirtualTime() < 1_000)
            {
                ControlledThread.Sleep(500);
            }

            // The writer waits again (no timeout): a new reader must queue behind it.
            var lateReader = Explore.Start(() =>
            {
                ControlledReaderWriterLockSlim.EnterReadLock(rw);
                order.Add("late reader");
                ControlledReaderWriterLockSlim.ExitReadLock(rw);
            });
            ControlledThread.Sleep(100);
            ControlledReaderWriterLockSlim.ExitReadLock(rw);
            ControlledThread.Join(writer);
            ControlledThread.Join(lateReader);
            Assert.That(order, Is.EqualTo(new[] { "writer", "late reader" }));
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message);
        Assert.That(maxTime, Is.GreaterThanOrEqualTo(1_000));
    }

    [Test]
    public void SpinLock_ExcludesEachOther_AndANeverReleasedLockIsADeadlock()
    {
        Explore.HoldsEverywhere(() =>
        {
            var spinLock = new SpinLock(enableThreadOwnerTracking: true);
            var box = new int[1];
            void Increment()
            {
                bool taken = false;
                ControlledSpinLock.Enter(ref spinLock, ref taken);
                int seen = box[0];
                Explore.Step();
                box[0] = seen + 1;
                ControlledSpinLock.Exit(ref spinLock);
            }

            var other = Explore.Start(Increment);
            Increment();
            ControlledThread.Join(other);
            if (box[0] != 2)
            {
                throw new InvalidOperationException("lost update under a SpinLock");
            }
        });

        var (_, failure, _) = Explore.All(() =>
        {
            var spinLock = new SpinLock(enableThreadOwnerTracking: false);
            bool taken = false;
            ControlledSpinLock.Enter(ref spinLock, ref taken);
            var other = Explore.Start(() =>
            {
                bool mine = false;
                ControlledSpinLock.Enter(ref spinLock, ref mine);
            });
            ControlledThread.Join(other);
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), failure?.Bug?.Message ?? "no bug");
        Assert.That(failure!.Bug!.Message, Does.Contain("waits for the release of a SpinLock"));
    }

    [Test]
    public void SpinWait_SpinUntil_SeesTheFlag_TimesOutVirtually_AndANeverTrueConditionIsADeadlock()
    {
        Explore.HoldsEverywhere(() =>
        {
            var flag = new bool[1];
            var setter = Explore.Start(() =>
            {
                Explore.Step();
                flag[0] = true;
            });
            ControlledSpinWait.SpinUntil(() => flag[0]);
            ControlledThread.Join(setter);
        });

        var (_, timedOut, maxTime) = Explore.All(() =>
        {
            var sleeper = Explore.Start(() => ControlledThread.Sleep(10_000));
            if (ControlledSpinWait.SpinUntil(() => false, 2_000))
            {
                throw new InvalidOperationException("a false condition was true");
            }

            ControlledThread.Join(sleeper);
        });
        Assert.That(timedOut, Is.Null, timedOut?.Bug?.Message);
        Assert.That(maxTime, Is.EqualTo(10_000));

        var (_, failure, _) = Explore.All(() =>
        {
            var helper = Explore.Start(() => Explore.Step());
            var spin = default(SpinWait);
            while (true)
            {
                ControlledSpinWait.SpinOnce(ref spin);
            }
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), failure?.Bug?.Message ?? "no bug");
        Assert.That(failure!.Bug!.Message, Does.Contain("waits for another operation's progress (a spin-wait)"));
    }

    private static long ControlledVirtualTime() => ControlledEnvironment.get_TickCount64();
}
