using ScheduleExplorer.Runtime;

// The controlled model keys a Lock by identity in the same table as monitors; it is never used
// with the lock statement here, so the monitor-conversion warning does not apply.
#pragma warning disable CS9216

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Lock"/> (.NET 9+). <c>lock</c> on a <see cref="Lock"/> compiles to
/// <see cref="Lock.EnterScope"/> and <see cref="Lock.Scope.Dispose"/> with no <see cref="Monitor"/>
/// call at all, so it needs its own shim. Modelled like a monitor; outside a controlled run every
/// method is exactly the BCL's.
/// </summary>
public static class ControlledLock
{
    /// <inheritdoc cref="Lock.Enter"/>
    public static void Enter(Lock target)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            target.Enter();
            return;
        }

        ControlledMonitor.TryEnterCore(op, target, -1);
    }

    /// <inheritdoc cref="Lock.TryEnter()"/>
    public static bool TryEnter(Lock target) => TryEnter(target, 0);

    /// <inheritdoc cref="Lock.TryEnter(int)"/>
    public static bool TryEnter(Lock target, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? ControlledMonitor.TryEnterCore(op, target, millisecondsTimeout)
            : target.TryEnter(millisecondsTimeout);

    /// <inheritdoc cref="Lock.TryEnter(TimeSpan)"/>
    public static bool TryEnter(Lock target, TimeSpan timeout) => TryEnter(target, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="Lock.Exit"/>
    public static void Exit(Lock target)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            target.Exit();
            return;
        }

        ControlledMonitor.ExitCore(op, target);
    }

    /// <inheritdoc cref="Lock.EnterScope"/>
    public static Lock.Scope EnterScope(Lock target)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return target.EnterScope();
        }

        ControlledMonitor.TryEnterCore(op, target, -1);
        op.LockScopes.Push(target);

        // The real lock is never taken under control; the controlled scope dispose pops the stack.
        return default;
    }

    /// <inheritdoc cref="Lock.IsHeldByCurrentThread"/>
    public static bool get_IsHeldByCurrentThread(Lock target) =>
        ControlledScheduler.CurrentOperation is { } op
            ? ReferenceEquals(op.Scheduler.Resources.Monitor(target).Owner, op)
            : target.IsHeldByCurrentThread;
}
