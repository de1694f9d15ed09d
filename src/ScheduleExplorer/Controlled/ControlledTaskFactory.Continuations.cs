namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>ContinueWhenAll</c> and <c>ContinueWhenAny</c> of <see cref="TaskFactory"/>, every overload: on the
/// default scheduler the continuation runs in an operation of its own once all (any) of the tasks
/// completed; the factory's token, continuation options and scheduler apply where no argument gives them.
/// </summary>
public static partial class ControlledTaskFactory
{
    /// <inheritdoc cref="TaskFactory.ContinueWhenAll(Task[], Action{Task[]})"/>
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationAction, factory.CancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task(() => continuationAction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationAction);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll(Task[], Action{Task[]}, CancellationToken)"/>
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationAction, cancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task(() => continuationAction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationAction, cancellationToken);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll(Task[], Action{Task[]}, TaskContinuationOptions)"/>
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationAction, factory.CancellationToken, continuationOptions, (copy, token, creation) => new Task(() => continuationAction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationAction, continuationOptions);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll(Task[], Action{Task[]}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationAction, cancellationToken, continuationOptions, (copy, token, creation) => new Task(() => continuationAction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationAction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TAntecedentResult}(Task{TAntecedentResult}[], Action{Task{TAntecedentResult}[]})"/>
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationAction, factory.CancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task(() => continuationAction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationAction);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TAntecedentResult}(Task{TAntecedentResult}[], Action{Task{TAntecedentResult}[]}, CancellationToken)"/>
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationAction, cancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task(() => continuationAction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationAction, cancellationToken);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TAntecedentResult}(Task{TAntecedentResult}[], Action{Task{TAntecedentResult}[]}, TaskContinuationOptions)"/>
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationAction, factory.CancellationToken, continuationOptions, (copy, token, creation) => new Task(() => continuationAction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationAction, continuationOptions);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TAntecedentResult}(Task{TAntecedentResult}[], Action{Task{TAntecedentResult}[]}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationAction, cancellationToken, continuationOptions, (copy, token, creation) => new Task(() => continuationAction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationAction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TResult}(Task[], Func{Task[], TResult})"/>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, factory.CancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TResult}(Task[], Func{Task[], TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, cancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TResult}(Task[], Func{Task[], TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, factory.CancellationToken, continuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, continuationOptions);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TResult}(Task[], Func{Task[], TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, cancellationToken, continuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TAntecedentResult, TResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}[], TResult})"/>
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, factory.CancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TAntecedentResult, TResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}[], TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, cancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TAntecedentResult, TResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}[], TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, factory.CancellationToken, continuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, continuationOptions);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAll{TAntecedentResult, TResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}[], TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, cancellationToken, continuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny(Task[], Action{Task})"/>
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationAction, factory.CancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task(() => continuationAction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationAction);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny(Task[], Action{Task}, CancellationToken)"/>
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationAction, cancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task(() => continuationAction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationAction, cancellationToken);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny(Task[], Action{Task}, TaskContinuationOptions)"/>
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationAction, factory.CancellationToken, continuationOptions, (first, token, creation) => new Task(() => continuationAction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationAction, continuationOptions);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny(Task[], Action{Task}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationAction, cancellationToken, continuationOptions, (first, token, creation) => new Task(() => continuationAction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationAction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TResult}(Task[], Func{Task, TResult})"/>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, factory.CancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TResult}(Task[], Func{Task, TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, cancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TResult}(Task[], Func{Task, TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, factory.CancellationToken, continuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, continuationOptions);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TResult}(Task[], Func{Task, TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, cancellationToken, continuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TAntecedentResult, TResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}, TResult})"/>
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, factory.CancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TAntecedentResult, TResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}, TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, cancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TAntecedentResult, TResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}, TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, factory.CancellationToken, continuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, continuationOptions);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TAntecedentResult, TResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}, TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, cancellationToken, continuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TAntecedentResult}(Task{TAntecedentResult}[], Action{Task{TAntecedentResult}})"/>
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationAction, factory.CancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task(() => continuationAction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationAction);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TAntecedentResult}(Task{TAntecedentResult}[], Action{Task{TAntecedentResult}}, CancellationToken)"/>
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationAction, cancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task(() => continuationAction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationAction, cancellationToken);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TAntecedentResult}(Task{TAntecedentResult}[], Action{Task{TAntecedentResult}}, TaskContinuationOptions)"/>
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationAction, factory.CancellationToken, continuationOptions, (first, token, creation) => new Task(() => continuationAction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationAction, continuationOptions);

    /// <inheritdoc cref="TaskFactory.ContinueWhenAny{TAntecedentResult}(Task{TAntecedentResult}[], Action{Task{TAntecedentResult}}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationAction, cancellationToken, continuationOptions, (first, token, creation) => new Task(() => continuationAction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationAction, cancellationToken, continuationOptions, scheduler);
}
