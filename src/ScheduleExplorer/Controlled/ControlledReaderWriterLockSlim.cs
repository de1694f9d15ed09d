using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="ReaderWriterLockSlim"/>: read, write and upgradeable modes with the BCL's
/// recursion policy (the same <see cref="LockRecursionException"/>s), writer preference (a waiting
/// writer keeps new readers out), upgrade and downgrade, and <c>TryEnter*</c> timeouts on the
/// virtual clock. Acquiring is a scheduling point; a blocked request is visible to deadlock
/// detection. Outside a controlled run every member is the BCL's.
/// </summary>
public static class ControlledReaderWriterLockSlim
{
    /// <inheritdoc cref="ReaderWriterLockSlim()"/>
    public static ReaderWriterLockSlim Create() => Register(new ReaderWriterLockSlim());

    /// <inheritdoc cref="ReaderWriterLockSlim(LockRecursionPolicy)"/>
    public static ReaderWriterLockSlim Create(LockRecursionPolicy recursionPolicy) => Register(new ReaderWriterLockSlim(recursionPolicy));

    /// <inheritdoc cref="ReaderWriterLockSlim.EnterReadLock"/>
    public static void EnterReadLock(ReaderWriterLockSlim target) => Enter(target, ReaderWriterRequest.Read, Timeout.Infinite);

    /// <inheritdoc cref="ReaderWriterLockSlim.TryEnterReadLock(int)"/>
    public static bool TryEnterReadLock(ReaderWriterLockSlim target, int millisecondsTimeout) =>
        Enter(target, ReaderWriterRequest.Read, millisecondsTimeout);

    /// <inheritdoc cref="ReaderWriterLockSlim.TryEnterReadLock(TimeSpan)"/>
    public static bool TryEnterReadLock(ReaderWriterLockSlim target, TimeSpan timeout) =>
        Enter(target, ReaderWriterRequest.Read, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="ReaderWriterLockSlim.ExitReadLock"/>
    public static void ExitReadLock(ReaderWriterLockSlim target) => Exit(target, ReaderWriterRequest.Read);

    /// <inheritdoc cref="ReaderWriterLockSlim.EnterWriteLock"/>
    public static void EnterWriteLock(ReaderWriterLockSlim target) => Enter(target, ReaderWriterRequest.Write, Timeout.Infinite);

    /// <inheritdoc cref="ReaderWriterLockSlim.TryEnterWriteLock(int)"/>
    public static bool TryEnterWriteLock(ReaderWriterLockSlim target, int millisecondsTimeout) =>
        Enter(target, ReaderWriterRequest.Write, millisecondsTimeout);

    /// <inheritdoc cref="ReaderWriterLockSlim.TryEnterWriteLock(TimeSpan)"/>
    public static bool TryEnterWriteLock(ReaderWriterLockSlim target, TimeSpan timeout) =>
        Enter(target, ReaderWriterRequest.Write, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="ReaderWriterLockSlim.ExitWriteLock"/>
    public static void ExitWriteLock(ReaderWriterLockSlim target) => Exit(target, ReaderWriterRequest.Write);

    /// <inheritdoc cref="ReaderWriterLockSlim.EnterUpgradeableReadLock"/>
    public static void EnterUpgradeableReadLock(ReaderWriterLockSlim target) => Enter(target, ReaderWriterRequest.Upgradeable, Timeout.Infinite);

    /// <inheritdoc cref="ReaderWriterLockSlim.TryEnterUpgradeableReadLock(int)"/>
    public static bool TryEnterUpgradeableReadLock(ReaderWriterLockSlim target, int millisecondsTimeout) =>
        Enter(target, ReaderWriterRequest.Upgradeable, millisecondsTimeout);

    /// <inheritdoc cref="ReaderWriterLockSlim.TryEnterUpgradeableReadLock(TimeSpan)"/>
    public static bool TryEnterUpgradeableReadLock(ReaderWriterLockSlim target, TimeSpan timeout) =>
        Enter(target, ReaderWriterRequest.Upgradeable, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="ReaderWriterLockSlim.ExitUpgradeableReadLock"/>
    public static void ExitUpgradeableReadLock(ReaderWriterLockSlim target) => Exit(target, ReaderWriterRequest.Upgradeable);

    /// <inheritdoc cref="ReaderWriterLockSlim.IsReadLockHeld"/>
    public static bool get_IsReadLockHeld(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, target).ReadDepth(op) > 0 : target.IsReadLockHeld;

    /// <inheritdoc cref="ReaderWriterLockSlim.IsWriteLockHeld"/>
    public static bool get_IsWriteLockHeld(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? ReferenceEquals(Of(op, target).Writer, op) : target.IsWriteLockHeld;

    /// <inheritdoc cref="ReaderWriterLockSlim.IsUpgradeableReadLockHeld"/>
    public static bool get_IsUpgradeableReadLockHeld(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? ReferenceEquals(Of(op, target).Upgrader, op) : target.IsUpgradeableReadLockHeld;

    /// <inheritdoc cref="ReaderWriterLockSlim.RecursiveReadCount"/>
    public static int get_RecursiveReadCount(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, target).ReadDepth(op) : target.RecursiveReadCount;

    /// <inheritdoc cref="ReaderWriterLockSlim.RecursiveWriteCount"/>
    public static int get_RecursiveWriteCount(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op
            ? (Of(op, target) is var r && ReferenceEquals(r.Writer, op) ? r.WriteDepth : 0)
            : target.RecursiveWriteCount;

    /// <inheritdoc cref="ReaderWriterLockSlim.RecursiveUpgradeCount"/>
    public static int get_RecursiveUpgradeCount(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op
            ? (Of(op, target) is var r && ReferenceEquals(r.Upgrader, op) ? r.UpgradeDepth : 0)
            : target.RecursiveUpgradeCount;

    /// <inheritdoc cref="ReaderWriterLockSlim.CurrentReadCount"/>
    public static int get_CurrentReadCount(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, target).Readers.Count : target.CurrentReadCount;

    /// <inheritdoc cref="ReaderWriterLockSlim.WaitingReadCount"/>
    public static int get_WaitingReadCount(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, target).WaitingReaders : target.WaitingReadCount;

    /// <inheritdoc cref="ReaderWriterLockSlim.WaitingWriteCount"/>
    public static int get_WaitingWriteCount(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, target).WaitingWriters : target.WaitingWriteCount;

    /// <inheritdoc cref="ReaderWriterLockSlim.WaitingUpgradeCount"/>
    public static int get_WaitingUpgradeCount(ReaderWriterLockSlim target) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, target).WaitingUpgraders : target.WaitingUpgradeCount;

    private static ReaderWriterLockSlim Register(ReaderWriterLockSlim target)
    {
        ControlledScheduler.CurrentOperation?.Scheduler.Resources.Register(target, static (t, s) => new ReaderWriterLockResource(t, s));
        return target;
    }

    private static ReaderWriterLockResource Of(ControlledOperation op, ReaderWriterLockSlim target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return op.Scheduler.Resources.GetOrAdd(target, static (t, s) => new ReaderWriterLockResource(t, s));
    }

    private static bool Enter(ReaderWriterLockSlim target, ReaderWriterRequest request, int millisecondsTimeout)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return EnterReal(target, request, millisecondsTimeout);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        var resource = Of(op, target);
        var scheduler = op.Scheduler;
        if (IsRecursive(op, resource, request, target.RecursionPolicy == LockRecursionPolicy.SupportsRecursion))
        {
            // Re-entering a mode already held (or reading under the write or upgradeable lock) never waits.
            resource.Grant(op, request);
            scheduler.RecordEffect(resource, isWrite: true);
            return true;
        }

        string? site = ControlledSite.Current;
        long deadline = millisecondsTimeout < 0 ? long.MaxValue : scheduler.Now + millisecondsTimeout;
        if (resource.CanGrant(op, request))
        {
            scheduler.SchedulePoint(op, SchedulingPointKind.Acquire, site);
        }

        if (!resource.CanGrant(op, request))
        {
            // Registered as waiting only once it found the lock unavailable (a waiting writer keeps readers out).
            resource.BeginWait(op, request);
            try
            {
                while (!resource.CanGrant(op, request))
                {
                    scheduler.RecordEffect(resource, isWrite: false);
                    if (scheduler.Now >= deadline)
                    {
                        scheduler.RecordEffect(resource, isWrite: true);
                        return false;
                    }

                    scheduler.Block(op, resource, SchedulingPointKind.Acquire, site, deadline);
                }
            }
            finally
            {
                resource.EndWait(op);
            }
        }

        resource.Grant(op, request);
        scheduler.RecordEffect(resource, isWrite: true);
        return true;
    }

    /// <summary>True when the request is granted at once by recursion; throws where the policy forbids it.</summary>
    private static bool IsRecursive(ControlledOperation op, ReaderWriterLockResource resource, ReaderWriterRequest request, bool recursive)
    {
        bool reads = resource.ReadDepth(op) > 0;
        bool writes = ReferenceEquals(resource.Writer, op);
        bool upgrades = ReferenceEquals(resource.Upgrader, op);
        switch (request)
        {
            case ReaderWriterRequest.Read:
                if (writes && !recursive)
                {
                    throw new LockRecursionException("A read lock may not be acquired with the write lock held in this mode.");
                }

                if (reads && !recursive)
                {
                    throw new LockRecursionException("Recursive read lock acquisitions not allowed in this mode.");
                }

                return writes || reads || upgrades;
            case ReaderWriterRequest.Upgradeable:
                if (reads)
                {
                    throw new LockRecursionException("Upgradeable lock may not be acquired with read lock held.");
                }

                if (upgrades && !recursive)
                {
                    throw new LockRecursionException("Recursive upgradeable lock acquisitions not allowed in this mode.");
                }

                if (writes && !recursive)
                {
                    throw new LockRecursionException("Upgradeable lock may not be acquired with write lock held in this mode. Acquiring Upgradeable lock gives the ability to read along with an option to upgrade to a writer.");
                }

                return upgrades || writes;
            default:
                if (reads)
                {
                    throw new LockRecursionException("Write lock may not be acquired with read lock held. This pattern is prone to deadlocks. Please ensure that read locks are released before taking a write lock. If an upgrade is necessary, use an upgrade lock in place of the read lock.");
                }

                if (writes && !recursive)
                {
                    throw new LockRecursionException("Recursive write lock acquisitions not allowed in this mode.");
                }

                return writes;
        }
    }

    private static void Exit(ReaderWriterLockSlim target, ReaderWriterRequest request)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            ExitReal(target, request);
            return;
        }

        // A release only enables others (a left mover): the next visible operation takes the point.
        op.Scheduler.ThrowIfCanceled();
        var resource = Of(op, target);
        if (!resource.Release(op, request))
        {
            throw new SynchronizationLockException(request switch
            {
                ReaderWriterRequest.Read => "The read lock is being released without being held.",
                ReaderWriterRequest.Upgradeable => "The upgradeable lock is being released without being held.",
                _ => "The write lock is being released without being held.",
            });
        }

        op.Scheduler.RecordEffect(resource, isWrite: true);
    }

    private static bool EnterReal(ReaderWriterLockSlim target, ReaderWriterRequest request, int millisecondsTimeout) => request switch
    {
        ReaderWriterRequest.Read => target.TryEnterReadLock(millisecondsTimeout),
        ReaderWriterRequest.Upgradeable => target.TryEnterUpgradeableReadLock(millisecondsTimeout),
        _ => target.TryEnterWriteLock(millisecondsTimeout),
    };

    private static void ExitReal(ReaderWriterLockSlim target, ReaderWriterRequest request)
    {
        switch (request)
        {
            case ReaderWriterRequest.Read: target.ExitReadLock(); break;
            case ReaderWriterRequest.Upgradeable: target.ExitUpgradeableReadLock(); break;
            default: target.ExitWriteLock(); break;
        }
    }
}
