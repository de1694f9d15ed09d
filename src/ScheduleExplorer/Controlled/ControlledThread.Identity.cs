using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// The identity and state a controlled thread reports: a deterministic <see cref="Thread.ManagedThreadId"/>
/// per operation (1 for the test's main flow, then in order of creation), <see cref="Thread.ThreadState"/>
/// and <see cref="Thread.Name"/> from the model, and <see cref="Thread.Interrupt"/> of a blocked
/// controlled wait. The test's main flow, task bodies and timer callbacks run on reused workers, so
/// their <see cref="Thread.CurrentThread"/> is the worker's: what it reports is the operation's.
/// </summary>
public static partial class ControlledThread
{
    /// <inheritdoc cref="Thread.ManagedThreadId"/>
    public static int get_ManagedThreadId(Thread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return thread.ManagedThreadId;
        }

        if (OperationFor(op, thread) is { } target)
        {
            return IdOf(target);
        }

        return op.Scheduler.Resources.IsControlledThread(thread) ? op.Scheduler.Resources.ThreadIdOf(thread) : thread.ManagedThreadId;
    }

    /// <inheritdoc cref="Thread.ThreadState"/>
    public static ThreadState get_ThreadState(Thread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return thread.ThreadState;
        }

        var target = OperationFor(op, thread);

        // The main flow and task bodies run on (background) workers: what counts is the operation's kind.
        bool isBackground = target is { ThreadObject: null } ? target.IsBackground : thread.IsBackground;
        var background = isBackground ? ThreadState.Background : ThreadState.Running;
        return target switch
        {
            null when op.Scheduler.Resources.IsControlledThread(thread) => ThreadState.Unstarted | background,
            null => thread.ThreadState,
            { Status: OperationStatus.NotStarted } => ThreadState.Running | background,
            { Status: OperationStatus.Completed } => ThreadState.Stopped | background,
            { Status: OperationStatus.Blocked } => ThreadState.WaitSleepJoin | background,
            _ => ThreadState.Running | background,
        };
    }

    /// <inheritdoc cref="Thread.Name"/>
    public static string? get_Name(Thread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return ControlledScheduler.CurrentOperation is { ThreadObject: null } op && ReferenceEquals(thread, Thread.CurrentThread)
            ? op.ThreadName
            : thread.Name;
    }

    /// <inheritdoc cref="Thread.Name"/>
    public static void set_Name(Thread thread, string? value)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            thread.Name = value;
            return;
        }

        if (op.ThreadObject is null && ReferenceEquals(thread, Thread.CurrentThread))
        {
            // The worker is reused: the name belongs to this operation, not to the OS thread.
            op.ThreadName = value;
        }
        else
        {
            thread.Name = value;
        }

        if (OperationFor(op, thread) is { } target && value is not null)
        {
            target.Name = value;
        }
    }

    /// <inheritdoc cref="Thread.Interrupt"/>
    public static void Interrupt(Thread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            thread.Interrupt();
            return;
        }

        if (OperationFor(op, thread) is not { } target)
        {
            // Never started under control: interrupting the real, unstarted object is harmless.
            thread.Interrupt();
            return;
        }

        op.Scheduler.ThrowIfCanceled();
        if (target.Status == OperationStatus.Completed)
        {
            return;
        }

        target.InterruptPending = true;
        if (target is { Status: OperationStatus.Blocked } && target.BlockKind != SchedulingPointKind.Await)
        {
            // Enabled now: its wait ends with ThreadInterruptedException when it is next chosen.
            target.Deadline = Math.Min(target.Deadline, op.Scheduler.Now);
        }

        op.Scheduler.RecordEffect(op.Scheduler.Resources.CompletionOf(target), isWrite: true);
    }

    /// <summary>The deterministic managed thread id of <paramref name="operation"/>.</summary>
    internal static int IdOf(ControlledOperation operation)
    {
        if (operation.ManagedThreadId == 0)
        {
            var resources = operation.Scheduler.Resources;
            operation.ManagedThreadId = operation.ThreadObject is { } thread ? resources.ThreadIdOf(thread)
                : operation.Id == 0 ? 1
                : resources.NextManagedThreadId();
        }

        return operation.ManagedThreadId;
    }

    /// <summary>The operation a <see cref="Thread"/> stands for: a started thread's, or the current one's for the worker it runs on.</summary>
    private static ControlledOperation? OperationFor(ControlledOperation current, Thread thread) =>
        current.Scheduler.Resources.OperationOf(thread)
        ?? (ReferenceEquals(thread, Thread.CurrentThread) ? current : null);
}
