using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled task awaiters: a synchronous <c>GetAwaiter().GetResult()</c> (or
/// <c>ConfigureAwait(false).GetAwaiter().GetResult()</c>) on an incomplete task blocks the
/// operation until it completes; after an await the task is complete and nothing is added.
/// </summary>
public static class ControlledTaskAwaiter
{
    /// <inheritdoc cref="TaskAwaiter.GetResult"/>
    public static void GetResult(ref TaskAwaiter awaiter)
    {
        BlockOn(AwaiterProbe<TaskAwaiter>.TaskOf(awaiter));
        awaiter.GetResult();
    }

    /// <inheritdoc cref="TaskAwaiter{TResult}.GetResult"/>
    public static TResult GetResult<TResult>(ref TaskAwaiter<TResult> awaiter)
    {
        BlockOn(AwaiterProbe<TaskAwaiter<TResult>>.TaskOf(awaiter));
        return awaiter.GetResult();
    }

    /// <inheritdoc cref="ConfiguredTaskAwaitable.ConfiguredTaskAwaiter.GetResult"/>
    public static void GetResult(ref ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter)
    {
        BlockOn(AwaiterProbe<ConfiguredTaskAwaitable.ConfiguredTaskAwaiter>.TaskOf(awaiter));
        awaiter.GetResult();
    }

    /// <inheritdoc cref="ConfiguredTaskAwaitable{TResult}.ConfiguredTaskAwaiter.GetResult"/>
    public static TResult GetResult<TResult>(ref ConfiguredTaskAwaitable<TResult>.ConfiguredTaskAwaiter awaiter)
    {
        BlockOn(AwaiterProbe<ConfiguredTaskAwaitable<TResult>.ConfiguredTaskAwaiter>.TaskOf(awaiter));
        return awaiter.GetResult();
    }

    private static void BlockOn(Task? task)
    {
        if (task is { IsCompleted: false } && ControlledScheduler.CurrentOperation is { } operation)
        {
            ControlledTasks.Block(operation, task);
        }
    }
}
