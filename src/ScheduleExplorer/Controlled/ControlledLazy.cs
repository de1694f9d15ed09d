using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Lazy{T}"/>. The real object is created as usual (so outside a controlled
/// run it is exactly the BCL's) and its factory and mode are remembered; under a controlled run
/// <c>Value</c> is modelled per iteration in each <see cref="LazyThreadSafetyMode"/>: reading the
/// state is a scheduling point, the factory runs as ordinary controlled code, and in
/// ExecutionAndPublication the other callers block on the model (visible to deadlock detection)
/// instead of on the real lock inside the BCL, which a factory that reaches a scheduling point
/// would otherwise hold across a switch.
/// </summary>
public static class ControlledLazy
{
    private const string RecursiveValue = "ValueFactory attempted to access the Value property of this instance.";
    private static readonly ConditionalWeakTable<object, object> s_specs = new();

    /// <inheritdoc cref="Lazy{T}()"/>
    public static Lazy<T> Create<T>() => Remember(new Lazy<T>(), null, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc cref="Lazy{T}(bool)"/>
    public static Lazy<T> Create<T>(bool isThreadSafe) =>
        Remember(new Lazy<T>(isThreadSafe), null, isThreadSafe ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.None);

    /// <inheritdoc cref="Lazy{T}(LazyThreadSafetyMode)"/>
    public static Lazy<T> Create<T>(LazyThreadSafetyMode mode) => Remember(new Lazy<T>(mode), null, mode);

    /// <inheritdoc cref="Lazy{T}(Func{T})"/>
    public static Lazy<T> Create<T>(Func<T> valueFactory) =>
        Remember(new Lazy<T>(valueFactory), valueFactory, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc cref="Lazy{T}(Func{T}, bool)"/>
    public static Lazy<T> Create<T>(Func<T> valueFactory, bool isThreadSafe) =>
        Remember(new Lazy<T>(valueFactory, isThreadSafe), valueFactory, isThreadSafe ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.None);

    /// <inheritdoc cref="Lazy{T}(Func{T}, LazyThreadSafetyMode)"/>
    public static Lazy<T> Create<T>(Func<T> valueFactory, LazyThreadSafetyMode mode) =>
        Remember(new Lazy<T>(valueFactory, mode), valueFactory, mode);

    /// <inheritdoc cref="Lazy{T}.Value"/>
    public static T get_Value<T>(Lazy<T> lazy)
    {
        ArgumentNullException.ThrowIfNull(lazy);
        if (ControlledScheduler.CurrentOperation is not { } op || !s_specs.TryGetValue(lazy, out object? found))
        {
            // Not created by rewritten code (or already made by value): the BCL's own, as one step.
            return lazy.Value;
        }

        var spec = (LazySpec<T>)found;
        var resource = op.Scheduler.Resources.GetOrAdd(lazy, (target, sequence) => new LazyResource(target, sequence, spec.Mode));
        return spec.Mode switch
        {
            LazyThreadSafetyMode.ExecutionAndPublication => ExecutionAndPublication(op, resource, spec),
            LazyThreadSafetyMode.PublicationOnly => PublicationOnly(op, resource, spec),
            _ => NotThreadSafe(op, resource, spec),
        };
    }

    /// <inheritdoc cref="Lazy{T}.IsValueCreated"/>
    public static bool get_IsValueCreated<T>(Lazy<T> lazy)
    {
        ArgumentNullException.ThrowIfNull(lazy);
        if (ControlledScheduler.CurrentOperation is not { } op || !s_specs.TryGetValue(lazy, out object? found))
        {
            return lazy.IsValueCreated;
        }

        var spec = (LazySpec<T>)found;
        var resource = op.Scheduler.Resources.GetOrAdd(lazy, (target, sequence) => new LazyResource(target, sequence, spec.Mode));
        op.Scheduler.SchedulePoint(op, SchedulingPointKind.Read, ControlledSite.Current);
        op.Scheduler.RecordEffect(resource, isWrite: false);
        return resource.IsCreated;
    }

    private static Lazy<T> Remember<T>(Lazy<T> lazy, Func<T>? factory, LazyThreadSafetyMode mode)
    {
        s_specs.AddOrUpdate(lazy, new LazySpec<T>(factory, mode));
        return lazy;
    }

    private static T ExecutionAndPublication<T>(ControlledOperation op, LazyResource resource, LazySpec<T> spec)
    {
        var scheduler = op.Scheduler;
        if (ReferenceEquals(resource.Creator, op))
        {
            throw new InvalidOperationException(RecursiveValue);
        }

        // Blocks while another operation runs the factory (the BCL's lock, modelled).
        scheduler.WaitFor(op, resource, SchedulingPointKind.Acquire, ControlledSite.Current);
        if (Published<T>(resource, out T value))
        {
            return value;
        }

        return RunFactory(op, resource, spec, holds: true);
    }

    private static T PublicationOnly<T>(ControlledOperation op, LazyResource resource, LazySpec<T> spec)
    {
        var scheduler = op.Scheduler;
        string? site = ControlledSite.Current;
        scheduler.SchedulePoint(op, SchedulingPointKind.Read, site);
        scheduler.RecordEffect(resource, isWrite: false);
        if (Published<T>(resource, out T value))
        {
            return value;
        }

        // Every caller may run the factory; the first to publish wins and the others return its value.
        T made = spec.Make();
        scheduler.SchedulePoint(op, SchedulingPointKind.Interlocked, site);
        if (!resource.IsCreated)
        {
            resource.Value = made;
            resource.IsCreated = true;
        }

        scheduler.RecordEffect(resource, isWrite: true);
        return (T)resource.Value!;
    }

    private static T NotThreadSafe<T>(ControlledOperation op, LazyResource resource, LazySpec<T> spec)
    {
        var scheduler = op.Scheduler;
        scheduler.SchedulePoint(op, SchedulingPointKind.Read, ControlledSite.Current);
        scheduler.RecordEffect(resource, isWrite: true);
        if (Published<T>(resource, out T value))
        {
            return value;
        }

        if (resource.Creator is not null && spec.Factory is not null)
        {
            // The BCL clears the factory before running it: a second caller (recursive or concurrent) finds none.
            throw new InvalidOperationException(RecursiveValue);
        }

        return RunFactory(op, resource, spec, holds: false);
    }

    private static T RunFactory<T>(ControlledOperation op, LazyResource resource, LazySpec<T> spec, bool holds)
    {
        resource.Creator = op;
        if (holds)
        {
            op.Held.Add(resource);
        }

        T made;
        try
        {
            made = spec.Make();
        }
        catch (Exception e) when (e is not ExecutionCanceledException)
        {
            if (spec.CachesExceptions)
            {
                resource.Failure = ExceptionDispatchInfo.Capture(e);
            }

            Release(op, resource, holds);
            throw;
        }

        resource.Value = made;
        resource.IsCreated = true;
        Release(op, resource, holds);
        return made;
    }

    private static void Release(ControlledOperation op, LazyResource resource, bool holds)
    {
        resource.Creator = null;
        if (holds)
        {
            op.Held.Remove(resource);
        }

        // Publishing only enables the waiters (a left mover): the next visible operation takes the point.
        op.Scheduler.RecordEffect(resource, isWrite: true);
    }

    private static bool Published<T>(LazyResource resource, out T value)
    {
        resource.Failure?.Throw();
        value = resource.IsCreated ? (T)resource.Value! : default!;
        return resource.IsCreated;
    }
}
