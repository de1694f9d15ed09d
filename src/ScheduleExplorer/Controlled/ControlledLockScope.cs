using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="Lock.Scope"/>: releases the innermost scope entered under control.</summary>
public static class ControlledLockScope
{
    /// <inheritdoc cref="Lock.Scope.Dispose"/>
    public static void Dispose(ref Lock.Scope scope)
    {
        if (ControlledScheduler.CurrentOperation is { } op && op.LockScopes.Count > 0)
        {
            ControlledLock.ExitCore(op, op.LockScopes.Pop());
            return;
        }

        scope.Dispose();
    }
}
