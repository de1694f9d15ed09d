using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="ThreadLocal{T}"/>: under a controlled run each operation has its own
/// slot, fresh in every iteration, made by the value factory on first read as in .NET. Outside one
/// every member is the BCL's.
/// </summary>
public static class ControlledThreadLocal
{
    private static readonly ConditionalWeakTable<object, Delegate> s_factories = new();
    private static readonly ConditionalWeakTable<object, object> s_known = new();

    /// <inheritdoc cref="ThreadLocal{T}()"/>
    public static ThreadLocal<T> Create<T>() => Remember(new ThreadLocal<T>(), null);

    /// <inheritdoc cref="ThreadLocal{T}(bool)"/>
    public static ThreadLocal<T> Create<T>(bool trackAllValues) => Remember(new ThreadLocal<T>(trackAllValues), null);

    /// <inheritdoc cref="ThreadLocal{T}(Func{T})"/>
    public static ThreadLocal<T> Create<T>(Func<T> valueFactory) => Remember(new ThreadLocal<T>(valueFactory), valueFactory);

    /// <inheritdoc cref="ThreadLocal{T}(Func{T}, bool)"/>
    public static ThreadLocal<T> Create<T>(Func<T> valueFactory, bool trackAllValues) =>
        Remember(new ThreadLocal<T>(valueFactory, trackAllValues), valueFactory);

    /// <inheritdoc cref="ThreadLocal{T}.Value"/>
    public static T get_Value<T>(ThreadLocal<T> threadLocal)
    {
        ArgumentNullException.ThrowIfNull(threadLocal);
        if (Model(threadLocal) is not { } model)
        {
            return threadLocal.Value!;
        }

        var (op, resource) = model;
        if (resource.TryGet(op, out object? value))
        {
            return (T)value!;
        }

        if (!s_factories.TryGetValue(threadLocal, out var factory))
        {
            return default!;
        }

        if (!resource.Creating.Add(op))
        {
            throw new InvalidOperationException("ValueFactory attempted to access the Value property of this instance.");
        }

        T made;
        try
        {
            made = ((Func<T>)factory)();
        }
        finally
        {
            resource.Creating.Remove(op);
        }

        resource.Set(op, made);
        return made;
    }

    /// <inheritdoc cref="ThreadLocal{T}.Value"/>
    public static void set_Value<T>(ThreadLocal<T> threadLocal, T value)
    {
        ArgumentNullException.ThrowIfNull(threadLocal);
        if (Model(threadLocal) is not { } model)
        {
            threadLocal.Value = value;
            return;
        }

        model.Resource.Set(model.Operation, value);
    }

    /// <inheritdoc cref="ThreadLocal{T}.IsValueCreated"/>
    public static bool get_IsValueCreated<T>(ThreadLocal<T> threadLocal)
    {
        ArgumentNullException.ThrowIfNull(threadLocal);
        return Model(threadLocal) is { } model ? model.Resource.TryGet(model.Operation, out _) : threadLocal.IsValueCreated;
    }

    /// <inheritdoc cref="ThreadLocal{T}.Values"/>
    public static IList<T> get_Values<T>(ThreadLocal<T> threadLocal)
    {
        ArgumentNullException.ThrowIfNull(threadLocal);
        if (Model(threadLocal) is not { } model)
        {
            return threadLocal.Values;
        }

        _ = threadLocal.Values; // the BCL's own checks (tracking enabled, not disposed)
        return [.. model.Resource.Values.Select(v => (T)v!)];
    }

    private static ThreadLocal<T> Remember<T>(ThreadLocal<T> threadLocal, Func<T>? factory)
    {
        s_known.AddOrUpdate(threadLocal, threadLocal);
        if (factory is not null)
        {
            s_factories.AddOrUpdate(threadLocal, factory);
        }

        return threadLocal;
    }

    /// <summary>The current operation and the slots, for a ThreadLocal created by rewritten code; null otherwise.</summary>
    private static (ControlledOperation Operation, ThreadLocalResource Resource)? Model(object threadLocal) =>
        ControlledScheduler.CurrentOperation is { } op && s_known.TryGetValue(threadLocal, out _)
            ? (op, op.Scheduler.Resources.GetOrAdd(threadLocal, static (t, s) => new ThreadLocalResource(t, s)))
            : null;
}
