using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="LazyInitializer"/>: the BCL's algorithm step by step, so the read of the
/// target, the publishing compare-exchange and the lock of the locking overloads are scheduling
/// points, and the factory runs as ordinary controlled code. The target is known only by its
/// address, so each step conflicts with every other one in partial-order reduction.
/// </summary>
public static class ControlledLazyInitializer
{
    /// <inheritdoc cref="LazyInitializer.EnsureInitialized{T}(ref T)"/>
    public static T EnsureInitialized<T>(ref T? target)
        where T : class =>
        ControlledScheduler.CurrentOperation is { } op
            ? Publish(op, ref target, () => Activator.CreateInstance<T>())
            : LazyInitializer.EnsureInitialized(ref target);

    /// <inheritdoc cref="LazyInitializer.EnsureInitialized{T}(ref T, Func{T})"/>
    public static T EnsureInitialized<T>(ref T? target, Func<T> valueFactory)
        where T : class =>
        ControlledScheduler.CurrentOperation is { } op
            ? Publish(op, ref target, valueFactory)
            : LazyInitializer.EnsureInitialized(ref target, valueFactory);

    /// <inheritdoc cref="LazyInitializer.EnsureInitialized{T}(ref T, ref bool, ref object)"/>
    public static T EnsureInitialized<T>(ref T target, ref bool initialized, ref object? syncLock) =>
        ControlledScheduler.CurrentOperation is { } op
            ? Locked(op, ref target, ref initialized, ref syncLock, () => Activator.CreateInstance<T>())
            : LazyInitializer.EnsureInitialized(ref target, ref initialized, ref syncLock);

    /// <inheritdoc cref="LazyInitializer.EnsureInitialized{T}(ref T, ref bool, ref object, Func{T})"/>
    public static T EnsureInitialized<T>(ref T target, ref bool initialized, ref object? syncLock, Func<T> valueFactory) =>
        ControlledScheduler.CurrentOperation is { } op
            ? Locked(op, ref target, ref initialized, ref syncLock, valueFactory)
            : LazyInitializer.EnsureInitialized(ref target, ref initialized, ref syncLock, valueFactory);

    /// <inheritdoc cref="LazyInitializer.EnsureInitialized{T}(ref T, ref object, Func{T})"/>
    public static T EnsureInitialized<T>(ref T? target, ref object? syncLock, Func<T> valueFactory)
        where T : class
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return LazyInitializer.EnsureInitialized(ref target, ref syncLock, valueFactory);
        }

        if (Read(op, ref target) is { } existing)
        {
            return existing;
        }

        object gate = LockOf(op, ref syncLock);
        ControlledMonitor.TryEnterCore(op, gate, -1);
        try
        {
            if (Read(op, ref target) is null)
            {
                T made = valueFactory() ?? throw new InvalidOperationException("ValueFactory returned null.");
                Write(op, ref target, made);
            }

            return target!;
        }
        finally
        {
            ControlledMonitor.ExitCore(op, gate);
        }
    }

    private static T Publish<T>(ControlledOperation op, ref T? target, Func<T> valueFactory)
        where T : class
    {
        if (Read(op, ref target) is { } existing)
        {
            return existing;
        }

        T made = valueFactory() ?? throw new InvalidOperationException("ValueFactory returned null.");

        // Interlocked.CompareExchange(ref target, made, null): the first to publish wins.
        Step(op, SchedulingPointKind.Interlocked, isWrite: true);
        target ??= made;
        return target;
    }

    private static T Locked<T>(ControlledOperation op, ref T target, ref bool initialized, ref object? syncLock, Func<T> valueFactory)
    {
        Step(op, SchedulingPointKind.Read, isWrite: false);
        if (initialized)
        {
            return target;
        }

        object gate = LockOf(op, ref syncLock);
        ControlledMonitor.TryEnterCore(op, gate, -1);
        try
        {
            Step(op, SchedulingPointKind.Read, isWrite: false);
            if (!initialized)
            {
                T made = valueFactory();
                Step(op, SchedulingPointKind.Write, isWrite: true);
                target = made;
                initialized = true;
            }

            return target;
        }
        finally
        {
            ControlledMonitor.ExitCore(op, gate);
        }
    }

    /// <summary>The lock object, created by compare-exchange on first use as the BCL does.</summary>
    private static object LockOf(ControlledOperation op, ref object? syncLock)
    {
        Step(op, SchedulingPointKind.Interlocked, isWrite: true);
        return syncLock ??= new object();
    }

    private static T? Read<T>(ControlledOperation op, ref T? target)
        where T : class
    {
        Step(op, SchedulingPointKind.Read, isWrite: false);
        return target;
    }

    private static void Write<T>(ControlledOperation op, ref T? target, T value)
        where T : class
    {
        Step(op, SchedulingPointKind.Write, isWrite: true);
        target = value;
    }

    private static void Step(ControlledOperation op, SchedulingPointKind kind, bool isWrite)
    {
        op.Scheduler.SchedulePoint(op, kind, ControlledSite.Current);
        op.Scheduler.RecordEffect(StepEffect.Everything, isWrite);
    }
}
