using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// What an awaiter of type <typeparamref name="TAwaiter"/> waits for, learned once per type: the
/// task behind a task or value-task awaiter (read from its field), or else the awaiter's own
/// <c>IsCompleted</c>; whether it continues on the captured context (a plain <c>await</c>) or not
/// (<c>ConfigureAwait(false)</c>); and whether it is a <c>Task.Yield</c>.
/// </summary>
internal static class AwaiterProbe<TAwaiter>
{
    private const BindingFlags Fields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private static readonly Func<TAwaiter, object?>? s_source = SourceGetter();
    private static readonly Func<TAwaiter, bool> s_capturesContext = ContextGetter();
    private static readonly Func<TAwaiter, bool>? s_isCompleted = IsCompletedGetter();

    /// <summary>Whether the awaiter is <c>Task.Yield()</c>'s: never completed, the flow just goes to the back.</summary>
    public static bool IsYield { get; } = typeof(TAwaiter) == typeof(YieldAwaitable.YieldAwaiter);

    /// <summary>Whether the continuation goes to the <see cref="SynchronizationContext"/> current at the await.</summary>
    public static bool CapturesContext(TAwaiter awaiter) => s_capturesContext(awaiter);

    /// <summary>The task behind <paramref name="awaiter"/>, when it is a task or a task-backed value task.</summary>
    public static Task? TaskOf(TAwaiter awaiter) => s_source?.Invoke(awaiter) as Task;

    /// <summary>The resource the continuation of an await on <paramref name="awaiter"/> waits for; null for a yield.</summary>
    public static IBlockingResource? ResourceOf(TAwaiter awaiter, ControlledScheduler scheduler)
    {
        if (IsYield)
        {
            return null;
        }

        object? source = s_source?.Invoke(awaiter);
        if (source is Task task)
        {
            return scheduler.Tasks.ResourceOf(task);
        }

        var isCompleted = s_isCompleted ?? throw new InvalidOperationException($"{typeof(TAwaiter)} has no IsCompleted property.");
        string name = source is null ? $"an awaitable {typeof(TAwaiter).Name}" : $"a {Describe(source.GetType())}";
        return new AwaitableResource(() => isCompleted(awaiter), name, IsControlledSource(source?.GetType() ?? typeof(TAwaiter)));
    }

    /// <summary>
    /// Sources whose completion happens synchronously inside the operation that completes them:
    /// user code (rewritten), channels, and the compiler's async iterators. Sockets, files and
    /// other I/O complete on threads of their own.
    /// </summary>
    private static bool IsControlledSource(Type type)
    {
        string assembly = type.Assembly.GetName().Name ?? string.Empty;
        return assembly == "System.Threading.Channels"
            || !(assembly.StartsWith("System.", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.", StringComparison.Ordinal)
                || assembly is "System" or "mscorlib" or "netstandard");
    }

    private static string Describe(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>m_task of task awaiters; _value._obj of value-task awaiters (a Task or an IValueTaskSource).</summary>
    private static Func<TAwaiter, object?>? SourceGetter()
    {
        var awaiter = Expression.Parameter(typeof(TAwaiter), "awaiter");
        Expression? source = null;
        if (typeof(TAwaiter).GetField("m_task", Fields) is { } task)
        {
            source = Expression.Field(awaiter, task);
        }
        else if (typeof(TAwaiter).GetField("_value", Fields) is { } value && value.FieldType.GetField("_obj", Fields) is { } obj)
        {
            source = Expression.Field(Expression.Field(awaiter, value), obj);
        }

        return source is null ? null : Expression.Lambda<Func<TAwaiter, object?>>(Expression.Convert(source, typeof(object)), awaiter).Compile();
    }

    /// <summary>m_options of configured task awaiters; _value._continueOnCapturedContext of value-task ones; true otherwise.</summary>
    private static Func<TAwaiter, bool> ContextGetter()
    {
        var awaiter = Expression.Parameter(typeof(TAwaiter), "awaiter");
        Expression? captures = null;
        if (typeof(TAwaiter).GetField("m_options", Fields) is { } options)
        {
            var flag = Expression.Convert(Expression.Constant(ConfigureAwaitOptions.ContinueOnCapturedContext), options.FieldType);
            captures = Expression.NotEqual(
                Expression.And(Expression.Convert(Expression.Field(awaiter, options), typeof(int)), Expression.Convert(flag, typeof(int))),
                Expression.Constant(0));
        }
        else if (typeof(TAwaiter).GetField("_value", Fields) is { } value && value.FieldType.GetField("_continueOnCapturedContext", Fields) is { } flagField)
        {
            captures = Expression.Field(Expression.Field(awaiter, value), flagField);
        }

        return captures is null ? static _ => true : Expression.Lambda<Func<TAwaiter, bool>>(captures, awaiter).Compile();
    }

    private static Func<TAwaiter, bool>? IsCompletedGetter()
    {
        if (typeof(TAwaiter).GetProperty("IsCompleted", BindingFlags.Instance | BindingFlags.Public) is not { PropertyType: var type } property || type != typeof(bool))
        {
            return null;
        }

        var awaiter = Expression.Parameter(typeof(TAwaiter), "awaiter");
        return Expression.Lambda<Func<TAwaiter, bool>>(Expression.Property(awaiter, property), awaiter).Compile();
    }
}
