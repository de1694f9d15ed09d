using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="BlockingCollection{T}"/>: <c>Add</c>, <c>Take</c>, their <c>Try</c> forms
/// (timeouts on the virtual clock), <c>CompleteAdding</c> and <c>GetConsumingEnumerable</c> are
/// scheduling points, and a taker of an empty collection (or an adder to a full bounded one) blocks
/// visibly to deadlock detection instead of inside the BCL. Outside a controlled run every member
/// is the BCL's.
/// </summary>
public static class ControlledBlockingCollection
{
    /// <inheritdoc cref="BlockingCollection{T}.Add(T)"/>
    public static void Add<T>(BlockingCollection<T> collection, T item) => Add(collection, item, CancellationToken.None);

    /// <inheritdoc cref="BlockingCollection{T}.Add(T, CancellationToken)"/>
    public static void Add<T>(BlockingCollection<T> collection, T item, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            collection.Add(item, cancellationToken);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        TryAddCore(op, collection, item, Timeout.Infinite);
    }

    /// <inheritdoc cref="BlockingCollection{T}.TryAdd(T)"/>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item) => TryAdd(collection, item, 0);

    /// <inheritdoc cref="BlockingCollection{T}.TryAdd(T, TimeSpan)"/>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, TimeSpan timeout) =>
        TryAdd(collection, item, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="BlockingCollection{T}.TryAdd(T, int)"/>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? TryAddCore(op, collection, item, millisecondsTimeout)
            : collection.TryAdd(item, millisecondsTimeout);

    /// <inheritdoc cref="BlockingCollection{T}.Take()"/>
    public static T Take<T>(BlockingCollection<T> collection) => Take(collection, CancellationToken.None);

    /// <inheritdoc cref="BlockingCollection{T}.Take(CancellationToken)"/>
    public static T Take<T>(BlockingCollection<T> collection, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return collection.Take(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return TryTakeCore(op, collection, Timeout.Infinite, out T? item)
            ? item!
            : throw new InvalidOperationException("The collection argument is empty and has been marked as complete with regards to additions.");
    }

    /// <inheritdoc cref="BlockingCollection{T}.TryTake(out T)"/>
    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item) => TryTake(collection, out item, 0);

    /// <inheritdoc cref="BlockingCollection{T}.TryTake(out T, TimeSpan)"/>
    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item, TimeSpan timeout) =>
        TryTake(collection, out item, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="BlockingCollection{T}.TryTake(out T, int)"/>
    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? TryTakeCore(op, collection, millisecondsTimeout, out item)
            : collection.TryTake(out item, millisecondsTimeout);

    /// <inheritdoc cref="BlockingCollection{T}.CompleteAdding"/>
    public static void CompleteAdding<T>(BlockingCollection<T> collection)
    {
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            // Completing only enables the waiting takers (a left mover): the next visible operation takes the point.
            op.Scheduler.ThrowIfCanceled();
            op.Scheduler.RecordEffect(Of(op, collection), isWrite: true);
        }

        collection.CompleteAdding();
    }

    /// <inheritdoc cref="BlockingCollection{T}.Count"/>
    public static int get_Count<T>(BlockingCollection<T> collection)
    {
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            Step(op, collection, SchedulingPointKind.Read, isWrite: false);
        }

        return collection.Count;
    }

    /// <inheritdoc cref="BlockingCollection{T}.IsCompleted"/>
    public static bool get_IsCompleted<T>(BlockingCollection<T> collection)
    {
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            Step(op, collection, SchedulingPointKind.Read, isWrite: false);
        }

        return collection.IsCompleted;
    }

    /// <inheritdoc cref="BlockingCollection{T}.GetConsumingEnumerable()"/>
    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> collection) =>
        GetConsumingEnumerable(collection, CancellationToken.None);

    /// <inheritdoc cref="BlockingCollection{T}.GetConsumingEnumerable(CancellationToken)"/>
    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> collection, CancellationToken cancellationToken) =>
        ControlledScheduler.CurrentOperation is null ? collection.GetConsumingEnumerable(cancellationToken) : Consume(collection, cancellationToken);

    private static IEnumerable<T> Consume<T>(BlockingCollection<T> collection, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var op = ControlledScheduler.CurrentOperation;
            T item;
            if (op is null ? !collection.TryTake(out item!, Timeout.Infinite, cancellationToken) : !TryTakeCore(op, collection, Timeout.Infinite, out item!))
            {
                yield break;
            }

            yield return item;
        }
    }

    private static BlockingCollectionResource Of<T>(ControlledOperation op, BlockingCollection<T> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return op.Scheduler.Resources.GetOrAdd(collection, static (t, s) =>
        {
            var real = (BlockingCollection<T>)t;
            return new BlockingCollectionResource(t, s, () => real.Count, () => real.IsAddingCompleted, real.BoundedCapacity);
        });
    }

    private static BlockingCollectionResource Step<T>(ControlledOperation op, BlockingCollection<T> collection, SchedulingPointKind kind, bool isWrite)
    {
        var resource = Of(op, collection);
        op.Scheduler.SchedulePoint(op, kind, ControlledSite.Current);
        op.Scheduler.RecordEffect(resource, isWrite);
        return resource;
    }

    private static bool TryAddCore<T>(ControlledOperation op, BlockingCollection<T> collection, T item, int millisecondsTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        if (!Await(op, collection, take: false, millisecondsTimeout))
        {
            return false;
        }

        // Room is there (or adding is complete, where the BCL's own exception is the right one).
        return collection.TryAdd(item, 0);
    }

    private static bool TryTakeCore<T>(ControlledOperation op, BlockingCollection<T> collection, int millisecondsTimeout, [MaybeNullWhen(false)] out T item)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        if (!Await(op, collection, take: true, millisecondsTimeout))
        {
            item = default;
            return false;
        }

        return collection.TryTake(out item, 0);
    }

    /// <summary>A scheduling point, then blocks until the request can be served; false on timeout.</summary>
    private static bool Await<T>(ControlledOperation op, BlockingCollection<T> collection, bool take, int millisecondsTimeout)
    {
        var scheduler = op.Scheduler;
        string? site = ControlledSite.Current;
        var resource = Step(op, collection, SchedulingPointKind.Acquire, isWrite: true);
        long deadline = millisecondsTimeout < 0 ? long.MaxValue : scheduler.Now + millisecondsTimeout;
        resource.BeginWait(op, take);
        try
        {
            while (!resource.CanProceed(op))
            {
                if (scheduler.Now >= deadline)
                {
                    return false;
                }

                scheduler.Block(op, resource, take ? SchedulingPointKind.Wait : SchedulingPointKind.Acquire, site, deadline);
            }
        }
        finally
        {
            resource.EndWait(op);
        }

        scheduler.RecordEffect(resource, isWrite: true);
        return true;
    }
}
