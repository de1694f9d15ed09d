using System.Collections.Concurrent;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>Parallel.ForEach</c> over a <see cref="Partitioner{TSource}"/> or an <see cref="OrderablePartitioner{TSource}"/>:
/// as in .NET the partitioner must support dynamic partitions; its one dynamic partition is read
/// before the loop starts (an orderable one's keys become the iteration numbers Break records).
/// </summary>
public static partial class ControlledParallel
{
    /// <inheritdoc cref="Parallel.ForEach{TSource}(Partitioner{TSource}, Action{TSource})"/>
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, Action<TSource> body) => ForEach(source, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForEach{TSource}(Partitioner{TSource}, ParallelOptions, Action{TSource})"/>
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        return Partitioned<TSource, object?>(operation, source, parallelOptions, null, (item, _, _, l) => { body(item); return l; }, null);
    }

    /// <inheritdoc cref="Parallel.ForEach{TSource}(Partitioner{TSource}, Action{TSource, ParallelLoopState})"/>
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, Action<TSource, ParallelLoopState> body) => ForEach(source, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForEach{TSource}(Partitioner{TSource}, ParallelOptions, Action{TSource, ParallelLoopState})"/>
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        return Partitioned<TSource, object?>(operation, source, parallelOptions, null, (item, _, s, l) => { body(item, s); return l; }, null);
    }

    /// <inheritdoc cref="Parallel.ForEach{TSource}(OrderablePartitioner{TSource}, Action{TSource, ParallelLoopState, long})"/>
    public static ParallelLoopResult ForEach<TSource>(OrderablePartitioner<TSource> source, Action<TSource, ParallelLoopState, long> body) => ForEach(source, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForEach{TSource}(OrderablePartitioner{TSource}, ParallelOptions, Action{TSource, ParallelLoopState, long})"/>
    public static ParallelLoopResult ForEach<TSource>(OrderablePartitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState, long> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        return Partitioned<TSource, object?>(operation, source, parallelOptions, null, (item, i, s, l) => { body(item, s, i); return l; }, null);
    }

    /// <inheritdoc cref="Parallel.ForEach{TSource, TLocal}(Partitioner{TSource}, Func{TLocal}, Func{TSource, ParallelLoopState, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult ForEach<TSource, TLocal>(Partitioner<TSource> source, Func<TLocal> localInit, Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        ForEach(source, new ParallelOptions(), localInit, body, localFinally);

    /// <inheritdoc cref="Parallel.ForEach{TSource, TLocal}(Partitioner{TSource}, ParallelOptions, Func{TLocal}, Func{TSource, ParallelLoopState, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult ForEach<TSource, TLocal>(Partitioner<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, localInit, body, localFinally);
        }

        ThrowIfNull(localInit, body, localFinally);
        return Partitioned(operation, source, parallelOptions, localInit, (item, _, s, l) => body(item, s, l), localFinally);
    }

    /// <inheritdoc cref="Parallel.ForEach{TSource, TLocal}(OrderablePartitioner{TSource}, Func{TLocal}, Func{TSource, ParallelLoopState, long, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult ForEach<TSource, TLocal>(OrderablePartitioner<TSource> source, Func<TLocal> localInit, Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        ForEach(source, new ParallelOptions(), localInit, body, localFinally);

    /// <inheritdoc cref="Parallel.ForEach{TSource, TLocal}(OrderablePartitioner{TSource}, ParallelOptions, Func{TLocal}, Func{TSource, ParallelLoopState, long, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult ForEach<TSource, TLocal>(OrderablePartitioner<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, localInit, body, localFinally);
        }

        ThrowIfNull(localInit, body, localFinally);
        return Partitioned(operation, source, parallelOptions, localInit, (item, i, s, l) => body(item, s, i, l), localFinally);
    }

    private static ParallelLoopResult Partitioned<TSource, TLocal>(
        ControlledOperation operation, Partitioner<TSource> source, ParallelOptions parallelOptions, Func<TLocal>? localInit, Func<TSource, long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal>? localFinally)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        if (!source.SupportsDynamicPartitions)
        {
            throw new InvalidOperationException("The Partitioner used here must support dynamic partitioning.");
        }

        long[]? keys = null;
        TSource[] items;
        if (source is OrderablePartitioner<TSource> orderable)
        {
            var pairs = orderable.GetOrderableDynamicPartitions().OrderBy(static p => p.Key).ToArray();
            keys = [.. pairs.Select(static p => p.Key)];
            items = [.. pairs.Select(static p => p.Value)];
        }
        else
        {
            items = [.. source.GetDynamicPartitions()];
        }

        return ParallelStateLoop<TLocal>.Run(operation, new ParallelStateLoopSpec<TLocal>(0, items.Length, keys, localInit, (p, i, s, l) => body(items[p], i, s, l), localFinally), parallelOptions);
    }
}
