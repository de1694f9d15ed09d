using ScheduleExplorer.Runtime;

// The controlled model keys a Lock by identity like a monitor; it is never used with the lock
// statement here, so the monitor-conversion warning does not apply.
#pragma warning disable CS9216

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="Lock.Scope"/>: releases the innermost scope entered under control.</summary>
public static class ControlledLockScope
{
    /// <inheritdoc cref="Lock.Scope.Dispose"/>
    public static void Dispose(ref Lock.Scope scope)
    {
        if (ControlledScheduler.CurrentOperation is { } op && op.LockScopes.Count > 0)
        {
            ControlledMonitor.ExitCore(op, op.LockScopes.Pop());
            return;
        }

        scope.Dispose();
    }
}
