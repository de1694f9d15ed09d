using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="Task{TResult}"/>: <c>Result</c> blocks the operation until the task completes.</summary>
public static class ControlledTaskOfT
{
    /// <inheritdoc cref="Task{TResult}.Result"/>
    public static TResult get_Result<TResult>(Task<TResult> task)
    {
        if (ControlledScheduler.CurrentOperation is { } operation)
        {
            ControlledTasks.Block(operation, task);
        }

        return task.Result;
    }
}
