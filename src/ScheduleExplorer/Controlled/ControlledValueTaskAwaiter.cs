using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled value-task awaiters: a synchronous <c>GetAwaiter().GetResult()</c> on an incomplete
/// value task (task-backed, or backed by an <c>IValueTaskSource</c> such as a channel read) blocks
/// the operation until it completes, instead of blocking its worker thread in the BCL. After an
/// await the value task is complete and nothing is added.
/// </summary>
public static class ControlledValueTaskAwaiter
{
    /// <inheritdoc cref="ValueTaskAwaiter.GetResult"/>
    public static void GetResult(ref ValueTaskAwaiter awaiter)
    {
        if (!awaiter.IsCompleted)
        {
            BlockOn(awaiter);
        }

        awaiter.GetResult();
    }

    /// <inheritdoc cref="ValueTaskAwaiter{TResult}.GetResult"/>
    public static TResult GetResult<TResult>(ref ValueTaskAwaiter<TResult> awaiter)
    {
        if (!awaiter.IsCompleted)
        {
            BlockOn(awaiter);
        }

        return awaiter.GetResult();
    }

    /// <inheritdoc cref="ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter.GetResult"/>
    public static void GetResult(ref ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter awaiter)
    {
        if (!awaiter.IsCompleted)
        {
            BlockOn(awaiter);
        }

        awaiter.GetResult();
    }

    /// <inheritdoc cref="ConfiguredValueTaskAwaitable{TResult}.ConfiguredValueTaskAwaiter.GetResult"/>
    public static TResult GetResult<TResult>(ref ConfiguredValueTaskAwaitable<TResult>.ConfiguredValueTaskAwaiter awaiter)
    {
        if (!awaiter.IsCompleted)
        {
            BlockOn(awaiter);
        }

        return awaiter.GetResult();
    }

    /// <summary>Pauses the running operation until incomplete <paramref name="awaiter"/> completes (a join on what it waits for).</summary>
    internal static void BlockOn<TAwaiter>(TAwaiter awaiter)
        where TAwaiter : INotifyCompletion
    {
        if (ControlledScheduler.CurrentOperation is not { } operation || AwaiterProbe<TAwaiter>.ResourceOf(awaiter, operation.Scheduler) is not { } resource)
        {
            return;
        }

        operation.Scheduler.WaitFor(operation, resource, SchedulingPointKind.Join, ControlledSite.Current);
    }
}
