using System.Numerics;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// The async loops of <see cref="Parallel"/>: <c>ForEachAsync</c> over an
/// <see cref="IEnumerable{T}"/> or an <see cref="IAsyncEnumerable{T}"/>, and <c>ForAsync</c>, all
/// run by <see cref="ParallelForEachAsync{TSource}"/> in async flows. Outside a controlled run each
/// calls the real <see cref="Parallel"/> method.
/// </summary>
public static partial class ControlledParallel
{
    /// <inheritdoc cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, Func{TSource, CancellationToken, ValueTask})"/>
    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, Func<TSource, CancellationToken, ValueTask> body) =>
        ForEachAsync(source, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, CancellationToken, Func{TSource, CancellationToken, ValueTask})"/>
    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, CancellationToken cancellationToken, Func<TSource, CancellationToken, ValueTask> body) =>
        ForEachAsync(source, new ParallelOptions { CancellationToken = cancellationToken }, body);

    /// <inheritdoc cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>
    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEachAsync(source, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        ArgumentNullException.ThrowIfNull(body);
        return ParallelForEachAsync<TSource>.Start(operation, [.. source], parallelOptions, body);
    }

    /// <inheritdoc cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, Func{TSource, CancellationToken, ValueTask})"/>
    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, Func<TSource, CancellationToken, ValueTask> body) =>
        ForEachAsync(source, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, CancellationToken, Func{TSource, CancellationToken, ValueTask})"/>
    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, CancellationToken cancellationToken, Func<TSource, CancellationToken, ValueTask> body) =>
        ForEachAsync(source, new ParallelOptions { CancellationToken = cancellationToken }, body);

    /// <inheritdoc cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>
    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEachAsync(source, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        ArgumentNullException.ThrowIfNull(body);
        return ParallelForEachAsync<TSource>.Start(operation, source, parallelOptions, body);
    }

    /// <inheritdoc cref="Parallel.ForAsync{T}(T, T, Func{T, CancellationToken, ValueTask})"/>
    public static Task ForAsync<T>(T fromInclusive, T toExclusive, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, IBinaryInteger<T> =>
        ForAsync(fromInclusive, toExclusive, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForAsync{T}(T, T, CancellationToken, Func{T, CancellationToken, ValueTask})"/>
    public static Task ForAsync<T>(T fromInclusive, T toExclusive, CancellationToken cancellationToken, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, IBinaryInteger<T> =>
        ForAsync(fromInclusive, toExclusive, new ParallelOptions { CancellationToken = cancellationToken }, body);

    /// <inheritdoc cref="Parallel.ForAsync{T}(T, T, ParallelOptions, Func{T, CancellationToken, ValueTask})"/>
    public static Task ForAsync<T>(T fromInclusive, T toExclusive, ParallelOptions parallelOptions, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, IBinaryInteger<T>
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForAsync(fromInclusive, toExclusive, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(parallelOptions);
        ArgumentNullException.ThrowIfNull(body);
        var indices = new List<T>();
        for (T i = fromInclusive; i < toExclusive; i++)
        {
            indices.Add(i);
        }

        return ParallelForEachAsync<T>.Start(operation, [.. indices], parallelOptions, body, "Parallel.ForAsync");
    }
}
