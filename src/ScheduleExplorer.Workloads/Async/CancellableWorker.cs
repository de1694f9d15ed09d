using System.Diagnostics;

namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A worker thread that waits on <see cref="CancellationToken.WaitHandle"/>: <c>WaitHandle.WaitAny</c>
/// over a work signal and the token's handle, stopping when the token is canceled. In
/// <see cref="CancelsBeforeTheProducerIsDone"/> the owner cancels while a producer may still be
/// handing over work, so an item can be left unprocessed; <see cref="CancelsAfterTheProducer"/>
/// joins the producer first (a wait for any returns the lowest signalled index, so pending work
/// is drained before the stop). <see cref="PollsUntilCanceled"/> uses the handle as a cancellable
/// sleep, <c>WaitOne(timeout)</c>, on the virtual clock.
/// </summary>
public sealed class CancellableWorker
{
    private readonly AutoResetEvent _work = new(initialState: false);
    private int _queued;
    private int _processed;

    /// <summary>The bug: the token is canceled while the producer may still be enqueueing.</summary>
    /// <exception cref="InvalidOperationException">An item was never processed.</exception>
    public static void CancelsBeforeTheProducerIsDone() => new CancellableWorker().Run(joinProducerFirst: false);

    /// <summary>Fixed: the producer is joined before the token is canceled.</summary>
    /// <exception cref="InvalidOperationException">An item was never processed.</exception>
    public static void CancelsAfterTheProducer() => new CancellableWorker().Run(joinProducerFirst: true);

    /// <summary>
    /// Polls every 100 ms until a thread that sleeps 350 ms cancels the source: exactly three polls,
    /// and the stop is seen at 350 ms, not at the next poll.
    /// </summary>
    /// <exception cref="InvalidOperationException">The count or the time differs.</exception>
    public static void PollsUntilCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(350);
            cancellation.Cancel();
        }) { Name = "canceller" };
        canceller.Start();
        int polls = 0;
        while (!cancellation.Token.WaitHandle.WaitOne(100))
        {
            polls++;
        }

        long elapsed = watch.ElapsedMilliseconds;
        canceller.Join();
        if (polls != 3 || elapsed < 350 || elapsed > 390)
        {
            throw new InvalidOperationException($"Polled {polls} times in {elapsed} ms, expected 3 in 350 ms.");
        }
    }

    private void Run(bool joinProducerFirst)
    {
        using var cancellation = new CancellationTokenSource();
        var token = cancellation.Token;
        var consumer = new Thread(() => Consume(token)) { Name = "consumer" };
        var producer = new Thread(Produce) { Name = "producer" };
        consumer.Start();
        producer.Start();
        if (joinProducerFirst)
        {
            producer.Join();
        }

        cancellation.Cancel();
        consumer.Join();
        producer.Join();
        if (_processed != 1)
        {
            throw new InvalidOperationException($"The worker stopped with {Volatile.Read(ref _queued)} item(s) never processed.");
        }
    }

    private void Produce()
    {
        Interlocked.Increment(ref _queued);
        _work.Set();
    }

    private void Consume(CancellationToken token)
    {
        WaitHandle[] signals = [_work, token.WaitHandle];
        while (WaitHandle.WaitAny(signals) == 0)
        {
            _processed += Interlocked.Exchange(ref _queued, 0);
        }
    }
}
