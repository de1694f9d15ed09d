using System.Diagnostics.CodeAnalysis;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled unnamed <see cref="Semaphore"/>: a modelled count, waited on through
/// <see cref="ControlledWaitHandle"/>; <c>Release</c> past the maximum throws as the BCL does. A
/// named semaphore is refused under a controlled run.
/// </summary>
public static class ControlledSemaphore
{
    /// <inheritdoc cref="Semaphore(int, int)"/>
    public static Semaphore Create(int initialCount, int maximumCount)
    {
        var semaphore = new Semaphore(initialCount, maximumCount);
        ControlledScheduler.CurrentOperation?.Scheduler.Resources.Register(semaphore, (t, s) => new SemaphoreResource(t, s, initialCount, maximumCount));
        return semaphore;
    }

    /// <inheritdoc cref="Semaphore(int, int, string)"/>
    public static Semaphore Create(int initialCount, int maximumCount, string? name)
    {
        if (name is null)
        {
            return Create(initialCount, maximumCount);
        }

        ControlledMutex.RefuseNamed("Semaphore..ctor");
        return new Semaphore(initialCount, maximumCount, name);
    }

    /// <inheritdoc cref="Semaphore(int, int, string, out bool)"/>
    public static Semaphore Create(int initialCount, int maximumCount, string? name, out bool createdNew)
    {
        if (name is null)
        {
            createdNew = true;
            return Create(initialCount, maximumCount);
        }

        ControlledMutex.RefuseNamed("Semaphore..ctor");
        return new Semaphore(initialCount, maximumCount, name, out createdNew);
    }

    /// <inheritdoc cref="Semaphore.OpenExisting(string)"/>
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    public static Semaphore OpenExisting(string name)
    {
        ControlledMutex.RefuseNamed("Semaphore.OpenExisting");
        return Semaphore.OpenExisting(name);
    }

    /// <inheritdoc cref="Semaphore.TryOpenExisting(string, out Semaphore)"/>
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    public static bool TryOpenExisting(string name, [NotNullWhen(true)] out Semaphore? result)
    {
        ControlledMutex.RefuseNamed("Semaphore.TryOpenExisting");
        return Semaphore.TryOpenExisting(name, out result);
    }

    /// <inheritdoc cref="Semaphore.Release()"/>
    public static int Release(Semaphore semaphore) => Release(semaphore, 1);

    /// <inheritdoc cref="Semaphore.Release(int)"/>
    public static int Release(Semaphore semaphore, int releaseCount)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return semaphore.Release(releaseCount);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(releaseCount, 1);
        return ReleaseCore(op, (SemaphoreResource)WaitHandleModel.Of(op, semaphore), releaseCount);
    }

    internal static int ReleaseCore(ControlledOperation op, SemaphoreResource resource, int releaseCount)
    {
        // A release only enables others (a left mover): the next visible operation takes the point.
        op.Scheduler.ThrowIfCanceled();
        if (resource.Maximum - resource.Count < releaseCount)
        {
            throw new SemaphoreFullException();
        }

        int previous = resource.Count;
        resource.Count += releaseCount;
        op.Scheduler.RecordEffect(resource, isWrite: true);
        return previous;
    }
}
