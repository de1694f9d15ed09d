using ScheduleExplorer.Workloads.Async;

namespace ScheduleExplorer.Workloads.Tests;

/// <summary>
/// The async workloads on the real thread pool, un-rewritten: every fix holds its invariant over
/// many runs, and the races and deadlocks the controlled runs find also happen for real (except the
/// timeout race, whose window real timing almost never hits — which is why it is explored).
/// </summary>
[TestFixture]
public sealed class AsyncWorkloadsTests
{
    [Test]
    public void Fixes_HoldOnRealThreads() =>
        Bounded.Run(() =>
        {
            for (int run = 0; run < 100; run++)
            {
                AsyncLostUpdate.AcrossAwaitLocked(8, 20).GetAwaiter().GetResult();
                AsyncLostUpdate.TaskRunInterlocked(64).GetAwaiter().GetResult();
                AccountStore.CreateTwiceGuarded().GetAwaiter().GetResult();
                AsyncPhilosophers.OrderedForks(5, 20).GetAwaiter().GetResult();
                ChannelPipeline.CompletesAfterAll().GetAwaiter().GetResult();
                TimeoutRace.LateResultKept().GetAwaiter().GetResult();
                TimeoutRace.WaitAsyncLateResultKept().GetAwaiter().GetResult();
                ParallelCounter.ForInterlocked();
                ParallelCounter.ForEachAsyncInterlocked().GetAwaiter().GetResult();
                ContinuationChain.Interlocked().GetAwaiter().GetResult();
                AsyncStreams.SharedTotalInterlocked().GetAwaiter().GetResult();
                AsyncLoops.ForAsyncInterlocked().GetAwaiter().GetResult();
                AsyncLoops.ForEachAsyncOverStreamInterlocked().GetAwaiter().GetResult();
                ApmCounter.AddInside().GetAwaiter().GetResult();
                ApmCounter.EveryOverload().GetAwaiter().GetResult();
                AsyncVoidCrash.Catches().GetAwaiter().GetResult();
            }

            for (int run = 0; run < 5; run++)
            {
                Heartbeat.StopGuarded().GetAwaiter().GetResult();
                PeriodicPoller.WaitsForThreePolls().GetAwaiter().GetResult();
            }

            SyncOverAsync.ConfigureAwaitFalse();
            SyncOverAsync.ConfigureAwaitOptionsNone();
        });

    [Test]
    public void LostUpdateAcrossAnAwait_LosesUpdatesOnRealThreads() =>
        Assert.That(() => AsyncLostUpdate.AcrossAwait(8, 200).GetAwaiter().GetResult(), Throws.InvalidOperationException.With.Message.Contains("Lost update"));

    [Test]
    public void CheckThenActAcrossAnAwait_CreatesTwiceOnRealThreads() =>
        Assert.That(FailsWithin(20_000, () => AccountStore.CreateTwice().GetAwaiter().GetResult()), Is.True, "two creations of one name both succeeded at least once");

    [Test]
    public void CompletingTooEarly_LosesItemsOnRealThreads() =>
        Assert.That(FailsWithin(20_000, () => ChannelPipeline.CompletesEarly().GetAwaiter().GetResult()), Is.True, "an item was lost at least once");

    [Test]
    public void AsyncPhilosophers_DeadlockOnRealThreads()
    {
        var dinner = AsyncPhilosophers.LeftThenRight(5, 100_000);
        Assert.That(dinner.Wait(TimeSpan.FromSeconds(5)), Is.False, "five philosophers holding one fork each wait forever");
    }

    [Test]
    public void SyncOverAsync_DeadlocksOnRealThreads()
    {
        var blocked = new Thread(SyncOverAsync.Blocking) { IsBackground = true };
        blocked.Start();
        Assert.That(blocked.Join(TimeSpan.FromSeconds(1)), Is.False, "the context's thread waits for a continuation only it could run");
    }

    [Test]
    public void IoBound_AsyncTakesAboutOneLatency_SequentialTheSum()
    {
        var sequential = IoBound.SequentialAsync(5, 40).GetAwaiter().GetResult();
        var whenAll = IoBound.WhenAllAsync(5, 40).GetAwaiter().GetResult();
        var threads = IoBound.ThreadPerRequest(5, 40);
        Assert.Multiple(() =>
        {
            Assert.That(sequential.TotalMilliseconds, Is.GreaterThanOrEqualTo(5 * 40 - 5));
            Assert.That(whenAll.TotalMilliseconds, Is.LessThan(sequential.TotalMilliseconds));
            Assert.That(threads.TotalMilliseconds, Is.LessThan(sequential.TotalMilliseconds));
        });
    }

    private static bool FailsWithin(int runs, Action run)
    {
        for (int i = 0; i < runs; i++)
        {
            try
            {
                run();
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }

        return false;
    }
}
