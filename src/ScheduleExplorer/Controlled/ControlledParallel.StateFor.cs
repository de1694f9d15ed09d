using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary><c>Parallel.For</c> with a <see cref="ParallelLoopState"/> or thread-local state.</summary>
public static partial class ControlledParallel
{
    /// <inheritdoc cref="Parallel.For(int, int, Action{int, ParallelLoopState})"/>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, Action<int, ParallelLoopState> body) => For(fromInclusive, toExclusive, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.For(int, int, ParallelOptions, Action{int, ParallelLoopState})"/>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Action<int, ParallelLoopState> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.For(fromInclusive, toExclusive, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        return Range<object?>(operation, fromInclusive, toExclusive, parallelOptions, null, (_, i, s, l) => { body((int)i, s); return l; }, null);
    }

    /// <inheritdoc cref="Parallel.For(long, long, Action{long, ParallelLoopState})"/>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, Action<long, ParallelLoopState> body) => For(fromInclusive, toExclusive, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.For(long, long, ParallelOptions, Action{long, ParallelLoopState})"/>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Action<long, ParallelLoopState> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.For(fromInclusive, toExclusive, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        return Range<object?>(operation, fromInclusive, toExclusive, parallelOptions, null, (_, i, s, l) => { body(i, s); return l; }, null);
    }

    /// <inheritdoc cref="Parallel.For{TLocal}(int, int, Func{TLocal}, Func{int, ParallelLoopState, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult For<TLocal>(int fromInclusive, int toExclusive, Func<TLocal> localInit, Func<int, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        For(fromInclusive, toExclusive, new ParallelOptions(), localInit, body, localFinally);

    /// <inheritdoc cref="Parallel.For{TLocal}(int, int, ParallelOptions, Func{TLocal}, Func{int, ParallelLoopState, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult For<TLocal>(int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<int, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.For(fromInclusive, toExclusive, parallelOptions, localInit, body, localFinally);
        }

        ThrowIfNull(localInit, body, localFinally);
        return Range(operation, fromInclusive, toExclusive, parallelOptions, localInit, (_, i, s, l) => body((int)i, s, l), localFinally);
    }

    /// <inheritdoc cref="Parallel.For{TLocal}(long, long, Func{TLocal}, Func{long, ParallelLoopState, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult For<TLocal>(long fromInclusive, long toExclusive, Func<TLocal> localInit, Func<long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        For(fromInclusive, toExclusive, new ParallelOptions(), localInit, body, localFinally);

    /// <inheritdoc cref="Parallel.For{TLocal}(long, long, ParallelOptions, Func{TLocal}, Func{long, ParallelLoopState, TLocal, TLocal}, Action{TLocal})"/>
    public static ParallelLoopResult For<TLocal>(long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.For(fromInclusive, toExclusive, parallelOptions, localInit, body, localFinally);
        }

        ThrowIfNull(localInit, body, localFinally);
        return Range(operation, fromInclusive, toExclusive, parallelOptions, localInit, (_, i, s, l) => body(i, s, l), localFinally);
    }

    private static ParallelLoopResult Range<TLocal>(
        ControlledOperation operation, long from, long to, ParallelOptions parallelOptions, Func<TLocal>? localInit, Func<long, long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal>? localFinally)
    {
        ArgumentNullException.ThrowIfNull(parallelOptions);
        return ParallelStateLoop<TLocal>.Run(operation, new ParallelStateLoopSpec<TLocal>(from, Math.Max(0, to - from), null, localInit, body, localFinally), parallelOptions);
    }

    private static void ThrowIfNull(object localInit, object body, object localFinally)
    {
        ArgumentNullException.ThrowIfNull(localInit);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(localFinally);
    }
}
