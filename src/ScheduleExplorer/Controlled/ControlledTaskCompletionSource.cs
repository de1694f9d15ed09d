using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="TaskCompletionSource"/> and <see cref="TaskCompletionSource{TResult}"/>:
/// the task is named for reports, and <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>
/// is dropped under control — awaits never run inline here anyway (each continuation is an
/// operation), and the flag would send the BCL's own continuations to the thread pool.
/// </summary>
public static class ControlledTaskCompletionSource
{
    /// <inheritdoc cref="TaskCompletionSource()"/>
    public static TaskCompletionSource Create() => Create(null, TaskCreationOptions.None);

    /// <inheritdoc cref="TaskCompletionSource(TaskCreationOptions)"/>
    public static TaskCompletionSource Create(TaskCreationOptions creationOptions) => Create(null, creationOptions);

    /// <inheritdoc cref="TaskCompletionSource(object)"/>
    public static TaskCompletionSource Create(object? state) => Create(state, TaskCreationOptions.None);

    /// <inheritdoc cref="TaskCompletionSource(object, TaskCreationOptions)"/>
    public static TaskCompletionSource Create(object? state, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return new TaskCompletionSource(state, creationOptions);
        }

        var source = new TaskCompletionSource(state, creationOptions & ~TaskCreationOptions.RunContinuationsAsynchronously);
        operation.Scheduler.Tasks.Register(source.Task, ControlledTasks.Describe("TaskCompletionSource", ControlledSite.Current));
        return source;
    }

    /// <inheritdoc cref="TaskCompletionSource{TResult}()"/>
    public static TaskCompletionSource<TResult> Create<TResult>() => Create<TResult>(null, TaskCreationOptions.None);

    /// <inheritdoc cref="TaskCompletionSource{TResult}(TaskCreationOptions)"/>
    public static TaskCompletionSource<TResult> Create<TResult>(TaskCreationOptions creationOptions) => Create<TResult>(null, creationOptions);

    /// <inheritdoc cref="TaskCompletionSource{TResult}(object)"/>
    public static TaskCompletionSource<TResult> Create<TResult>(object? state) => Create<TResult>(state, TaskCreationOptions.None);

    /// <inheritdoc cref="TaskCompletionSource{TResult}(object, TaskCreationOptions)"/>
    public static TaskCompletionSource<TResult> Create<TResult>(object? state, TaskCreationOptions creationOptions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return new TaskCompletionSource<TResult>(state, creationOptions);
        }

        var source = new TaskCompletionSource<TResult>(state, creationOptions & ~TaskCreationOptions.RunContinuationsAsynchronously);
        operation.Scheduler.Tasks.Register(source.Task, ControlledTasks.Describe("TaskCompletionSource", ControlledSite.Current));
        return source;
    }
}
