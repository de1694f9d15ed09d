using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="SemaphoreSlim"/>: <c>Wait</c> and <c>Release</c> are scheduling points and
/// the count is modelled per iteration. <c>WaitAsync</c> is not controlled yet (reported as such).
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
}
