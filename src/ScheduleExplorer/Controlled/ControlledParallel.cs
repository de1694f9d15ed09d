using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Parallel"/>: <c>Invoke</c>, <c>For</c> and <c>ForEach</c> run their bodies
/// on the calling operation and helper operations (<see cref="ParallelLoop"/>). Loops with a
/// <see cref="ParallelLoopState"/>, thread-local state or a partitioner are in the other parts of
/// this class, and so are <c>ForEachAsync</c> and <c>ForAsync</c>, whose bodies run in async flows.
/// </summary>
public static partial class ControlledParallel
{
    /// <inheritdoc cref="Parallel.Invoke(Action[])"/>
    public static void Invoke(params Action[] actions) => Invoke(new ParallelOptions(), actions);

    /// <inheritdoc cref="Parallel.Invoke(ParallelOptions, Action[])"/>
    public static void Invoke(ParallelOptions parallelOptions, params Action[] actions)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            Parallel.Invoke(parallelOptions, actions);
            return;
        }

        ArgumentNullException.ThrowIfNull(actions);
        ParallelLoop.Run(operation, actions.Length, i => actions[i](), parallelOptions);
    }

    /// <inheritdoc cref="Parallel.For(int, int, Action{int})"/>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, Action<int> body) => For(fromInclusive, toExclusive, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Action<int> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.For(fromInclusive, toExclusive, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        ParallelLoop.Run(operation, toExclusive - fromInclusive, i => body(fromInclusive + i), parallelOptions);
        return Completed();
    }

    /// <inheritdoc cref="Parallel.For(long, long, Action{long})"/>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, Action<long> body) => For(fromInclusive, toExclusive, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.For(long, long, ParallelOptions, Action{long})"/>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Action<long> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.For(fromInclusive, toExclusive, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(body);
        ParallelLoop.Run(operation, checked((int)(toExclusive - fromInclusive)), i => body(fromInclusive + i), parallelOptions);
        return Completed();
    }

    /// <inheritdoc cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, Action{TSource})"/>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource> body) => ForEach(source, new ParallelOptions(), body);

    /// <inheritdoc cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, ParallelOptions, Action{TSource})"/>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource> body)
    {
        if (ControlledScheduler.CurrentOperation is not { } operation)
        {
            return Parallel.ForEach(source, parallelOptions, body);
        }

        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        TSource[] items = [.. source];
        ParallelLoop.Run(operation, items.Length, i => body(items[i]), parallelOptions);
        return Completed();
    }

    /// <summary>A completed loop result (the BCL's constructor is internal; an empty loop returns one).</summary>
    private static ParallelLoopResult Completed() => Parallel.For(0, 0, static _ => { });
}
