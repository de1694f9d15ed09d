using ScheduleExplorer.Controlled;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// Virtual time never skips a due timed wait: a pending timer with a later deadline (here a
/// <c>CancelAfter(350)</c>) may fire early only when no blocked wait times out before it. Every
/// scenario is explored exhaustively and the virtual instant each wait returns at is asserted exactly.
/// </summary>
[TestFixture]
public sealed class TimedWaitOrderTests
{
    private const int Timer = 350;
    private const int Timeout = 100;

    private static long Now() => VirtualClock.Milliseconds(ControlledScheduler.CurrentOperation!);

    private static void ExpectTimeoutAt(long expected, bool acquired, string what)
    {
        if (acquired || Now() != expected)
        {
            throw new InvalidOperationException($"{what} returned {acquired} at {Now()} ms, expected a timeout at {expected} ms");
        }
    }

    /// <summary>Starts a source that cancels at <see cref="Timer"/> virtual ms: a pending timer.</summary>
    private static CancellationTokenSource PendingTimer()
    {
        var source = new CancellationTokenSource();
        ControlledCancellationTokenSource.CancelAfter(source, Timer);
        return source;
    }

    private static void AssertEveryScheduleHolds(Action scenario, long expectedTime)
    {
        var (schedules, failure, virtualTime) = Explore.All(scenario);
        Assert.That(failure, Is.Null, failure?.Bug?.Message ?? failure?.Divergence);
        Assert.That(schedules, Is.GreaterThanOrEqualTo(1));
        Assert.That(virtualTime, Is.EqualTo(expectedTime));
    }

    [Test]
    public void TokenWaitHandle_WaitOne_TimesOutBeforeItsOwnCancelAfter()
    {
        AssertEveryScheduleHolds(() =>
        {
            var token = PendingTimer().Token;
            var handle = ControlledCancellationToken.get_WaitHandle(ref token);
            ExpectTimeoutAt(Timeout, ControlledWaitHandle.WaitOne(handle, Timeout), "WaitOne");
        }, Timeout);
    }

    [Test]
    public void ThreeEventWaits_TakeThreeTimeouts_NotTheTimer()
    {
        AssertEveryScheduleHolds(() =>
        {
            using var source = PendingTimer();
            var gate = ControlledManualResetEvent.Create(false);
            for (int i = 1; i <= 3; i++)
            {
                ExpectTimeoutAt(i * Timeout, ControlledWaitHandle.WaitOne(gate, Timeout), $"WaitOne {i}");
            }
        }, 3 * Timeout);
    }

    [Test]
    public void Sleep_EndsAtItsDeadline_BeforeALaterTimer()
    {
        AssertEveryScheduleHolds(() =>
        {
            using var source = PendingTimer();
            ControlledThread.Sleep(Timeout);
            if (Now() != Timeout)
            {
                throw new InvalidOperationException($"Sleep({Timeout}) ended at {Now()} ms");
            }
        }, Timeout);
    }

    [Test]
    public void MonitorTryEnter_TimesOutBeforeALaterTimer()
    {
        AssertEveryScheduleHolds(() =>
        {
            using var source = PendingTimer();
            var gate = new object();
            var held = ControlledManualResetEvent.Create(false);
            var holder = Explore.Start(() =>
            {
                ControlledMonitor.Enter(gate);
                ControlledEventWaitHandle.Set(held);
                ControlledThread.Sleep(1_000);
                ControlledMonitor.Exit(gate);
            });
            ControlledWaitHandle.WaitOne(held);

            // The timer may fire while 'main' can run (time passing during others' work), so the wait starts at 0 or 350.
            long start = Now();
            ExpectTimeoutAt(start + Timeout, ControlledMonitor.TryEnter(gate, Timeout), "TryEnter");
            ControlledThread.Join(holder);
        }, 1_000 + Timer);
    }

    [Test]
    public void SemaphoreSlimWait_TimesOutBeforeALaterTimer()
    {
        AssertEveryScheduleHolds(() =>
        {
            using var source = PendingTimer();
            var semaphore = ControlledSemaphoreSlim.Create(0, 1);
            ExpectTimeoutAt(Timeout, ControlledSemaphoreSlim.Wait(semaphore, Timeout), "SemaphoreSlim.Wait");
        }, Timeout);
    }

    [Test]
    public void SemaphoreSlimWaitAsync_TimesOutBeforeALaterTimer()
    {
        AssertEveryScheduleHolds(() =>
        {
            using var source = PendingTimer();
            var semaphore = ControlledSemaphoreSlim.Create(0, 1);
            var acquired = ControlledSemaphoreSlim.WaitAsync(semaphore, Timeout);
            // A timed outer wait: once the semaphore wait times out, 'main' resumes before any later timer.
            if (!ControlledTask.Wait(acquired, 2 * Timeout))
            {
                throw new InvalidOperationException($"WaitAsync({Timeout}) was still pending at {Now()} ms");
            }

            ExpectTimeoutAt(Timeout, acquired.Result, "SemaphoreSlim.WaitAsync");
        }, Timeout);
    }

    [Test]
    public void TaskWait_TimesOutBeforeALaterTimer()
    {
        AssertEveryScheduleHolds(() =>
        {
            using var source = PendingTimer();
            var never = ControlledTaskCompletionSource.Create();
            ExpectTimeoutAt(Timeout, ControlledTask.Wait(never.Task, Timeout), "Task.Wait");
        }, Timeout);
    }

    [Test]
    public void TaskDelay_EndsAtItsDeadline_BeforeALaterTimer()
    {
        AssertEveryScheduleHolds(() =>
        {
            using var source = PendingTimer();
            if (!ControlledTask.Wait(ControlledTask.Delay(Timeout), 2 * Timeout) || Now() != Timeout)
            {
                throw new InvalidOperationException($"Delay({Timeout}) ended at {Now()} ms");
            }
        }, Timeout);
    }
}
