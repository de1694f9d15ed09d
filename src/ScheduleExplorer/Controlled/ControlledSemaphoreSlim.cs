using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="SemaphoreSlim"/>: <c>Wait</c> and <c>Release</c> are scheduling points and
/// the count is modelled per iteration. <c>WaitAsync</c> takes a permit at once when one is free
/// (after a scheduling point); otherwise the flow's wait is an operation blocked on the semaphore
/// (visible to deadlock detection, its timeout on the virtual clock) that completes the task.
/// </summary>
public static class ControlledSemaphoreSlim
{
    /// <inheritdoc cref="SemaphoreSlim(int)"/>
    public static SemaphoreSlim Create(int initialCount) => Create(initialCount, int.MaxValue);

    /// <inheritdoc cref="SemaphoreSlim(int, int)"/>
    public static SemaphoreSlim Create(int initialCount, int maxCount)
    {
        var semaphore = new SemaphoreSlim(initialCount, maxCount);
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            op.Scheduler.Resources.Semaphore(semaphore, initialCount, maxCount);
        }

        return semaphore;
    }

    /// <inheritdoc cref="SemaphoreSlim.Wait()"/>
    public static void Wait(SemaphoreSlim semaphore) => Wait(semaphore, Timeout.Infinite);

    /// <inheritdoc cref="SemaphoreSlim.Wait(CancellationToken)"/>
    public static void Wait(SemaphoreSlim semaphore, CancellationToken cancellationToken) =>
        Wait(semaphore, Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="SemaphoreSlim.Wait(TimeSpan)"/>
    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout) => Wait(semaphore, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="SemaphoreSlim.Wait(TimeSpan, CancellationToken)"/>
    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        Wait(semaphore, Timeouts.ToMilliseconds(timeout), cancellationToken);

    /// <inheritdoc cref="SemaphoreSlim.Wait(int, CancellationToken)"/>
    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            return semaphore.Wait(millisecondsTimeout, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Wait(semaphore, millisecondsTimeout);
    }

    /// <inheritdoc cref="SemaphoreSlim.Wait(int)"/>
    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return semaphore.Wait(millisecondsTimeout);
        }

        ArgumentNullException.ThrowIfNull(semaphore);
        var scheduler = op.Scheduler;
        var resource = scheduler.Resources.Semaphore(semaphore);
        if (!scheduler.WaitFor(op, resource, SchedulingPointKind.Acquire, ControlledSite.Current, millisecondsTimeout))
        {
            return false;
        }

        resource.Count--;
        return true;
    }

    /// <inheritdoc cref="SemaphoreSlim.Release()"/>
    public static int Release(SemaphoreSlim semaphore) => Release(semaphore, 1);

    /// <inheritdoc cref="SemaphoreSlim.Release(int)"/>
    public static int Release(SemaphoreSlim semaphore, int releaseCount)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return semaphore.Release(releaseCount);
        }

        ArgumentNullException.ThrowIfNull(semaphore);
        ArgumentOutOfRangeException.ThrowIfLessThan(releaseCount, 1);
        op.Scheduler.ThrowIfCanceled();
        var resource = op.Scheduler.Resources.Semaphore(semaphore);
        if (resource.Maximum - resource.Count < releaseCount)
        {
            throw new SemaphoreFullException();
        }

        int previous = resource.Count;
        resource.Count += releaseCount;
        op.Scheduler.RecordEffect(resource, isWrite: true);

        // A release only enables others (a left mover): the next visible operation takes the point.
        return previous;
    }

    /// <inheritdoc cref="SemaphoreSlim.CurrentCount"/>
    public static int get_CurrentCount(SemaphoreSlim semaphore) =>
        ControlledScheduler.CurrentOperation is { } op
            ? op.Scheduler.Resources.Semaphore(semaphore).Count
            : semaphore.CurrentCount;

    /// <inheritdoc cref="SemaphoreSlim.WaitAsync()"/>
    public static Task WaitAsync(SemaphoreSlim semaphore) => WaitAsync(semaphore, Timeout.Infinite, CancellationToken.None);

    /// <inheritdoc cref="SemaphoreSlim.WaitAsync(CancellationToken)"/>
    public static Task WaitAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken) =>
        WaitAsync(semaphore, Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="SemaphoreSlim.WaitAsync(int)"/>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout) =>
        WaitAsync(semaphore, millisecondsTimeout, CancellationToken.None);

    /// <inheritdoc cref="SemaphoreSlim.WaitAsync(TimeSpan)"/>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout) =>
        WaitAsync(semaphore, Timeouts.ToMilliseconds(timeout), CancellationToken.None);

    /// <inheritdoc cref="SemaphoreSlim.WaitAsync(TimeSpan, CancellationToken)"/>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(semaphore, Timeouts.ToMilliseconds(timeout), cancellationToken);

    /// <inheritdoc cref="SemaphoreSlim.WaitAsync(int, CancellationToken)"/>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return semaphore.WaitAsync(millisecondsTimeout, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(semaphore);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        var scheduler = op.Scheduler;
        var resource = scheduler.Resources.Semaphore(semaphore);
        string? site = ControlledSite.Current;
        if (resource.CanProceed(op))
        {
            // Others may get there first.
            scheduler.SchedulePoint(op, SchedulingPointKind.Acquire, site);
            if (resource.CanProceed(op))
            {
                resource.Count--;
                scheduler.RecordEffect(resource, isWrite: true);
                return Task.FromResult(true);
            }
        }

        if (millisecondsTimeout == 0)
        {
            return Task.FromResult(false);
        }

        var acquired = new TaskCompletionSource<bool>();
        scheduler.Tasks.Register(acquired.Task, $"SemaphoreSlim.WaitAsync at {site ?? "?"}");
        long deadline = millisecondsTimeout < 0 ? long.MaxValue : scheduler.Now + millisecondsTimeout;
        var waiter = scheduler.StartWaitingOperation(op.Name, resource, SchedulingPointKind.Acquire, site, static state =>
        {
            var (r, t) = ((SemaphoreResource, TaskCompletionSource<bool>))state!;
            var current = ControlledScheduler.CurrentOperation!;
            bool entered = r.CanProceed(current);
            if (entered)
            {
                r.Count--;
                current.Scheduler.RecordEffect(r, isWrite: true);
            }

            t.TrySetResult(entered);
        }, (resource, acquired), deadline);
        waiter.Held = op.IsAsyncFlow ? op.Held : waiter.Held;
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var (w, t) = ((ControlledOperation, TaskCompletionSource<bool>))state!;
                    if (w.Worker is null && t.TrySetCanceled(token))
                    {
                        w.Scheduler.CancelTimer(w);
                    }
                },
                (waiter, acquired));
        }

        return acquired.Task;
    }
}
