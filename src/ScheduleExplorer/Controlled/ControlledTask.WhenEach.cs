using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary><c>Task.WhenEach</c>, every overload: the tasks in the order they complete, under control.</summary>
public static partial class ControlledTask
{
    /// <inheritdoc cref="Task.WhenEach(Task[])"/>
    public static IAsyncEnumerable<Task> WhenEach(params Task[] tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenEach(tasks) : WhenEachSequence<Task>.Create(tasks);

    /// <inheritdoc cref="Task.WhenEach(ReadOnlySpan{Task})"/>
    public static IAsyncEnumerable<Task> WhenEach(params ReadOnlySpan<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenEach(tasks) : WhenEachSequence<Task>.Create(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenEach(IEnumerable{Task})"/>
    public static IAsyncEnumerable<Task> WhenEach(IEnumerable<Task> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenEach(tasks) : WhenEachSequence<Task>.Create([.. tasks ?? throw new ArgumentNullException(nameof(tasks))]);

    /// <inheritdoc cref="Task.WhenEach{TResult}(Task{TResult}[])"/>
    public static IAsyncEnumerable<Task<TResult>> WhenEach<TResult>(params Task<TResult>[] tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenEach(tasks) : WhenEachSequence<Task<TResult>>.Create(tasks);

    /// <inheritdoc cref="Task.WhenEach{TResult}(ReadOnlySpan{Task{TResult}})"/>
    public static IAsyncEnumerable<Task<TResult>> WhenEach<TResult>(params ReadOnlySpan<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenEach(tasks) : WhenEachSequence<Task<TResult>>.Create(tasks.ToArray());

    /// <inheritdoc cref="Task.WhenEach{TResult}(IEnumerable{Task{TResult}})"/>
    public static IAsyncEnumerable<Task<TResult>> WhenEach<TResult>(IEnumerable<Task<TResult>> tasks) =>
        ControlledScheduler.CurrentOperation is null ? Task.WhenEach(tasks) : WhenEachSequence<Task<TResult>>.Create([.. tasks ?? throw new ArgumentNullException(nameof(tasks))]);
}
