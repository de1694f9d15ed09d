using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary><c>Parallel.ForEach</c> over an <see cref="IEnumerable{T}"/> with a <see cref="ParallelLoopState"/>, an index or thread-local state.</summary>
public static partial class ControlledParallel
{
    /// <inheritdoc cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, Action{TSource, ParallelLoopState})"/>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource, ParallelLoopState> body) => ForEach(source, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, ParallelOptions, Action{TSource, ParallelLoopState})"/>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        return Items<TSource, object?>(operation, source, parallelOptions, null, (item, _, s, l) => { body(item, s); return l; }, null);
    }

    /// <inheritdoc cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, Action{TSource, ParallelLoopState, long})"/>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource, ParallelLoopState, long> body) => ForEach(source, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, ParallelOptions, Action{TSource, ParallelLoopState, long})"/>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState, long> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        return Items<TSource, object?>(operation, source, parallelOptions, null, (item, i, s, l) => { body(item, s, i); return l; }, null);
    }

    /// <inheritdoc cref="Parallel.ForEach{TSource, TLocal}(IEnumerable{TSource}, Func{TLocal}, Func{TSource, ParallelLoopState, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult ForEach<TSource, TLocal>(IEnumerable<TSource> source, Func<TLocal> localInit, Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        ForEach(source, new ParallelOptions(), localInit, body, localFinally);

    /// <inheritdoc cref="Parallel.ForEach{TSource, TLocal}(IEnumerable{TSource}, ParallelOptions, Func{TLocal}, Func{TSource, ParallelLoopState, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult ForEach<TSource, TLocal>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, localInit, body, localFinally);
        }

        ThrowIfNull(localInit, body, localFinally);
        return Items(operation, source, parallelOptions, localInit, (item, _, s, l) => body(item, s, l), localFinally);
    }

    /// <inheritdoc cref="Parallel.ForEach{TSource, TLocal}(IEnumerable{TSource}, Func{TLocal}, Func{TSource, ParallelLoopState, long, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult ForEach<TSource, TLocal>(IEnumerable<TSource> source, Func<TLocal> localInit, Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        ForEach(source, new ParallelOptions(), localInit, body, localFinally);

    /// <inheritdoc cref="Parallel.ForEach{TSource, TLocal}(IEnumerable{TSource}, ParallelOptions, Func{TLocal}, Func{TSource, ParallelLoopState, long, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult ForEach<TSource, TLocal>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, localInit, body, localFinally);
        }

        ThrowIfNull(localInit, body, localFinally);
        return Items(operation, source, parallelOptions, localInit, (item, i, s, l) => body(item, s, i, l), localFinally);
    }

    private static ParallelLoopResult Items<TSource, TLocal>(
        ControlledOperation operation, IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TLocal>? localInit, Func<TSource, long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal>? localFinally)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        TSource[] items = [.. source];
        return ParallelStateLoop<TLocal>.Run(operation, new ParallelStateLoopSpec<TLocal>(0, items.Length, null, localInit, (p, i, s, l) => body(items[p], i, s, l), localFinally), parallelOptions);
    }
}
