using ScheduleExplorer.Controlled;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// The controlled primitives behave as the BCL documents in every schedule: each scenario is run
/// under exhaustive DFS, and its assertions must hold in all schedules (a broken model shows up as
/// a bug report naming the failing schedule).
/// </summary>
[TestFixture]
public sealed class ShimSemanticsTests
{
    private static (int Schedules, IterationOutcome? Failure, long MaxVirtualTime) ExploreAll(Action scenario)
    {
        var strategy = new DfsStrategy();
        using var scheduler = new ControlledScheduler(strategy, new SchedulerOptions { MaxSteps = 5_000, FailOnMaxSteps = true });
        int schedules = 0;
        long maxTime = 0;
        for (int iteration = 0; strategy.PrepareIteration(iteration) && iteration < 200_000; iteration++)
        {
            var outcome = scheduler.RunIteration(scenario);
            schedules++;
            maxTime = Math.Max(maxTime, outcome.VirtualTimeMilliseconds);
            if (outcome.Bug is not null || outcome.Divergence is not null)
            {
                return (schedules, outcome, maxTime);
            }
        }

        return (schedules, null, maxTime);
    }

    private static void AssertHoldsEverywhere(Action scenario, bool singleSchedule = false)
    {
        var (schedules, failure, _) = ExploreAll(scenario);
        Assert.That(failure, Is.Null, failure?.Bug?.Message ?? failure?.Divergence);
        Assert.That(schedules, singleSchedule ? Is.EqualTo(1) : Is.GreaterThan(1), "the number of schedules the scenario has");
    }

    private static Thread Start(Action body)
    {
        var thread = ControlledThread.Create(() => body());
        ControlledThread.Start(thread);
        return thread;
    }

    [Test]
    public void MonitorWaitPulse_ProducerConsumer_NeverLosesTheItem()
    {
        AssertHoldsEverywhere(() =>
        {
            var gate = new object();
            var box = new int[1];
            var consumer = Start(() =>
            {
                ControlledMonitor.Enter(gate);
                while (box[0] == 0)
                {
                    ControlledMonitor.Wait(gate);
                }

                ControlledMonitor.Exit(gate);
            });
            ControlledMonitor.Enter(gate);
            box[0] = 42;
            ControlledMonitor.Pulse(gate);
            ControlledMonitor.Exit(gate);
            ControlledThread.Join(consumer);
        });
    }

    /// <summary>
    /// A pulse with two waiters wakes either one (the strategy chooses). Random, not DFS: the
    /// pulser's wait-until-waiting loop has no bound under depth-first order.
    /// </summary>
    [Test]
    public void MonitorPulse_WhichWaiterWakes_IsExplored()
    {
        var woken = new HashSet<string>();
        using var scheduler = new ControlledScheduler(new RandomStrategy(seed: 3), new SchedulerOptions { MaxSteps = 5_000, FailOnMaxSteps = true });
        for (int iteration = 0; iteration < 200; iteration++)
        {
            var outcome = scheduler.RunIteration(() =>
            {
                var gate = new object();
                var waiting = new int[1];
                var waiters = new List<Thread>();

                // Waiter 0 is in the wait set before waiter 1 starts: a FIFO model would always wake waiter 0.
                for (int i = 0; i < 2; i++)
                {
                    int me = i;
                    waiters.Add(Start(() =>
                    {
                        ControlledMonitor.Enter(gate);
                        waiting[0]++;
                        if (ControlledMonitor.Wait(gate, 1_000))
                        {
                            woken.Add($"waiter {me}");
                        }

                        ControlledMonitor.Exit(gate);
                    }));
                    ControlledMonitor.Enter(gate);
                    while (waiting[0] < i + 1)
                    {
                        ControlledMonitor.Exit(gate);
                        ControlledThread.Yield();
                        ControlledMonitor.Enter(gate);
                    }

                    if (i == 0)
                    {
                        ControlledMonitor.Exit(gate);
                    }
                }

                ControlledMonitor.Pulse(gate);
                ControlledMonitor.Exit(gate);
                waiters.ForEach(ControlledThread.Join);
            });
            Assert.That(outcome.Bug, Is.Null, outcome.Bug?.Message);
        }

        Assert.That(woken, Is.EquivalentTo(new[] { "waiter 0", "waiter 1" }));
    }

    [Test]
    public void MonitorWait_WithoutPulse_TimesOutOnTheVirtualClock_AndReacquires()
    {
        AssertHoldsEverywhere(() =>
        {
            var gate = new object();
            var other = Start(() =>
            {
                ControlledMonitor.Enter(gate);
                ControlledMonitor.Exit(gate);
            });
            ControlledMonitor.Enter(gate);
            bool pulsed = ControlledMonitor.Wait(gate, 1_000);
            if (pulsed || !ControlledMonitor.IsEntered(gate))
            {
                throw new InvalidOperationException("a timed-out Wait returns false and holds the monitor again");
            }

            ControlledMonitor.Exit(gate);
            ControlledThread.Join(other);
        });
    }

    [Test]
    public void MonitorExit_WithoutOwning_ThrowsSynchronizationLockException()
    {
        var (_, failure, _) = ExploreAll(() => ControlledMonitor.Exit(new object()));
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException));
        Assert.That(failure!.Bug!.Message, Does.Contain("SynchronizationLockException"));
    }

    [Test]
    public void Sleep_TenThreadsFiveSecondsEach_TakesFiveVirtualSeconds()
    {
        var started = DateTime.UtcNow;
        var (schedules, failure, virtualTime) = ExploreAll(() =>
        {
            var threads = Enumerable.Range(0, 3).Select(_ => Start(() => ControlledThread.Sleep(5_000))).ToList();
            threads.ForEach(ControlledThread.Join);
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message);
        Assert.That(virtualTime, Is.EqualTo(5_000), "sleeps overlap on the virtual clock");
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(60)), "no real sleeping");
        Assert.That(schedules, Is.GreaterThan(1));
    }

    [Test]
    public void SemaphoreSlim_NeverAdmitsMoreThanItsCount()
    {
        AssertHoldsEverywhere(() =>
        {
            var semaphore = ControlledSemaphoreSlim.Create(1, 1);
            var inside = new int[1];
            void Visit()
            {
                ControlledSemaphoreSlim.Wait(semaphore);
                ControlledMemory.Write("inside", "t:1");
                if (++inside[0] > 1)
                {
                    throw new InvalidOperationException("two inside a semaphore of one");
                }

                ControlledMemory.Write("inside", "t:2");
                inside[0]--;
                ControlledSemaphoreSlim.Release(semaphore);
            }

            var other = Start(Visit);
            Visit();
            ControlledThread.Join(other);
        });
    }

    /// <summary>One schedule only: the waiter can only time out, since nothing releases while it waits.</summary>
    [Test]
    public void SemaphoreSlim_TimedWaitOnZero_ReturnsFalse_AndReleasePastMaximum_Throws()
    {
        AssertHoldsEverywhere(() =>
        {
            var semaphore = ControlledSemaphoreSlim.Create(0, 1);
            var waiter = Start(() =>
            {
                if (ControlledSemaphoreSlim.Wait(semaphore, 10))
                {
                    ControlledSemaphoreSlim.Release(semaphore);
                }
            });
            ControlledThread.Join(waiter);
            ControlledSemaphoreSlim.Release(semaphore);
            try
            {
                ControlledSemaphoreSlim.Release(semaphore);
                throw new InvalidOperationException("a release past the maximum must throw");
            }
            catch (SemaphoreFullException)
            {
            }
        },
        singleSchedule: true);
    }

    [Test]
    public void AutoResetEvent_WakesOneWaiterPerSet()
    {
        AssertHoldsEverywhere(() =>
        {
            var signal = ControlledAutoResetEvent.Create(false);
            var passed = new int[1];
            var waiters = Enumerable.Range(0, 2).Select(_ => Start(() =>
            {
                if (ControlledWaitHandle.WaitOne(signal, 100))
                {
                    ControlledMemory.Write("passed", "t:1");
                    passed[0]++;
                }
            })).ToList();
            ControlledEventWaitHandle.Set(signal);
            waiters.ForEach(ControlledThread.Join);
            if (passed[0] != 1)
            {
                throw new InvalidOperationException($"one Set of an auto-reset event let {passed[0]} waiters through");
            }
        });
    }

    [Test]
    public void ManualResetEventSlim_ResetBeforeWait_Blocks_SetReleasesEveryWaiter()
    {
        AssertHoldsEverywhere(() =>
        {
            var gate = ControlledManualResetEventSlim.Create(true);
            ControlledManualResetEventSlim.Reset(gate);
            var waiters = Enumerable.Range(0, 2).Select(_ => Start(() => ControlledManualResetEventSlim.Wait(gate))).ToList();
            ControlledManualResetEventSlim.Set(gate);
            waiters.ForEach(ControlledThread.Join);
            if (!ControlledManualResetEventSlim.get_IsSet(gate))
            {
                throw new InvalidOperationException("a manual-reset event stays set");
            }
        });
    }

    [Test]
    public void Lock_TryEnterWhileHeld_Fails_AndIsReentrant()
    {
        AssertHoldsEverywhere(() =>
        {
            var gate = new Lock();
            ControlledLock.Enter(gate);
            ControlledLock.Enter(gate);
            var attempted = new bool[1];
            var other = Start(() =>
            {
                if (ControlledLock.TryEnter(gate))
                {
                    if (!attempted[0])
                    {
                        throw new InvalidOperationException("TryEnter succeeded while the lock was held");
                    }

                    ControlledLock.Exit(gate);
                }
            });

            // A point while the lock is held twice: the other thread may try now.
            ControlledThread.Yield();
            ControlledLock.Exit(gate);
            if (!ControlledLock.get_IsHeldByCurrentThread(gate))
            {
                throw new InvalidOperationException("one Exit of two Enters still holds the lock");
            }

            attempted[0] = true;
            ControlledLock.Exit(gate);
            ControlledThread.Join(other);
        });
    }

    /// <summary>One schedule only: the joiner must block, so the sleeper runs, and the clock decides.</summary>
    [Test]
    public void Join_WithTimeout_OnASleepingThread_ReturnsFalseBeforeItEnds()
    {
        AssertHoldsEverywhere(() =>
        {
            var sleeper = Start(() => ControlledThread.Sleep(1_000));
            if (ControlledThread.Join(sleeper, 10))
            {
                throw new InvalidOperationException("a 10 ms join returned before a 1 s sleep ended");
            }

            ControlledThread.Join(sleeper);
        },
        singleSchedule: true);
    }

    [Test]
    public void Interlocked_CompareExchangeRetry_NeverLosesAnIncrement()
    {
        AssertHoldsEverywhere(() =>
        {
            var cell = new long[1];
            void Add()
            {
                long seen;
                do
                {
                    seen = ControlledVolatile.Read(ref cell[0]);
                }
                while (ControlledInterlocked.CompareExchange(ref cell[0], seen + 1, seen) != seen);
            }

            var other = Start(Add);
            Add();
            ControlledThread.Join(other);
            if (ControlledInterlocked.Read(ref cell[0]) != 2)
            {
                throw new InvalidOperationException("an increment was lost");
            }
        });
    }
}
