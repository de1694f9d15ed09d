namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>ContinueWhenAll</c> and <c>ContinueWhenAny</c> of <see cref="TaskFactory{TResult}"/>, every overload:
/// as those of <see cref="TaskFactory"/>, the continuation function runs in an operation of its own
/// once all (any) of the tasks completed.
/// </summary>
public static partial class ControlledTaskFactoryOfT
{
    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAll(Task[], Func{Task[], TResult})"/>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory<TResult> factory, Task[] tasks, Func<Task[], TResult> continuationFunction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, factory.CancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAll(Task[], Func{Task[], TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory<TResult> factory, Task[] tasks, Func<Task[], TResult> continuationFunction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, cancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAll(Task[], Func{Task[], TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory<TResult> factory, Task[] tasks, Func<Task[], TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, factory.CancellationToken, continuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, continuationOptions);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAll(Task[], Func{Task[], TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory<TResult> factory, Task[] tasks, Func<Task[], TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, cancellationToken, continuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAll{TAntecedentResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}[], TResult})"/>
    public static Task<TResult> ContinueWhenAll<TResult, TAntecedentResult>(TaskFactory<TResult> factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, factory.CancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAll{TAntecedentResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}[], TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWhenAll<TResult, TAntecedentResult>(TaskFactory<TResult> factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, cancellationToken, factory.ContinuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAll{TAntecedentResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}[], TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWhenAll<TResult, TAntecedentResult>(TaskFactory<TResult> factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, factory.CancellationToken, continuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, continuationOptions);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAll{TAntecedentResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}[], TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWhenAll<TResult, TAntecedentResult>(TaskFactory<TResult> factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAll(operation, tasks, continuationFunction, cancellationToken, continuationOptions, (copy, token, creation) => new Task<TResult>(() => continuationFunction(copy), token, creation))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAny(Task[], Func{Task, TResult})"/>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory<TResult> factory, Task[] tasks, Func<Task, TResult> continuationFunction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, factory.CancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAny(Task[], Func{Task, TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory<TResult> factory, Task[] tasks, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, cancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAny(Task[], Func{Task, TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory<TResult> factory, Task[] tasks, Func<Task, TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, factory.CancellationToken, continuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, continuationOptions);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAny(Task[], Func{Task, TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory<TResult> factory, Task[] tasks, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, cancellationToken, continuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAny{TAntecedentResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}, TResult})"/>
    public static Task<TResult> ContinueWhenAny<TResult, TAntecedentResult>(TaskFactory<TResult> factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, factory.CancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAny{TAntecedentResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}, TResult}, CancellationToken)"/>
    public static Task<TResult> ContinueWhenAny<TResult, TAntecedentResult>(TaskFactory<TResult> factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, CancellationToken cancellationToken) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, cancellationToken, factory.ContinuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAny{TAntecedentResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}, TResult}, TaskContinuationOptions)"/>
    public static Task<TResult> ContinueWhenAny<TResult, TAntecedentResult>(TaskFactory<TResult> factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        MultiTaskContinuations.Controlling(factory.Scheduler ?? TaskScheduler.Current) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, factory.CancellationToken, continuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, continuationOptions);

    /// <inheritdoc cref="TaskFactory{TResult}.ContinueWhenAny{TAntecedentResult}(Task{TAntecedentResult}[], Func{Task{TAntecedentResult}, TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>
    public static Task<TResult> ContinueWhenAny<TResult, TAntecedentResult>(TaskFactory<TResult> factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        MultiTaskContinuations.Controlling(scheduler) is { } operation
            ? MultiTaskContinuations.WhenAny(operation, tasks, continuationFunction, cancellationToken, continuationOptions, (first, token, creation) => new Task<TResult>(() => continuationFunction(first()), token, creation))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);
}
