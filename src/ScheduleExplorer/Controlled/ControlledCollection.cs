using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Calls on BCL collections: the rewriter calls these with the instance right before a call on a
/// <c>List&lt;T&gt;</c>, <c>Dictionary&lt;TKey, TValue&gt;</c>, <c>HashSet&lt;T&gt;</c>, <c>Queue&lt;T&gt;</c>,
/// <c>Stack&lt;T&gt;</c>, <c>SortedDictionary</c>, <c>SortedList</c>, <c>SortedSet</c>, <c>LinkedList&lt;T&gt;</c>
/// or <c>StringBuilder</c> (a read or a write of that instance, by member), or on a concurrent collection
/// (one linearizable step). Each call is a scheduling point, so calls interleave; two overlapping calls
/// on one non-thread-safe instance, one writing, are reported as
/// <see cref="Detection.BugKind.ConcurrentCollectionUse"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ControlledCollection
{
    private static readonly ConcurrentDictionary<Type, string> s_names = new();

    /// <summary>A call of <paramref name="member"/> at <paramref name="site"/> that only reads <paramref name="instance"/>.</summary>
    public static void Read(object? instance, string member, string site) => Use(instance, member, site, isWrite: false);

    /// <summary>A call of <paramref name="member"/> at <paramref name="site"/> that modifies <paramref name="instance"/>.</summary>
    public static void Write(object? instance, string member, string site) => Use(instance, member, site, isWrite: true);

    /// <summary>A call on a thread-safe collection: one linearizable step, a scheduling point before it.</summary>
    public static void Atomic(object? instance, string member, string site)
    {
        if (instance is null)
        {
            return;
        }

        if (ControlledScheduler.CurrentOperation is { } op)
        {
            string name = NameOf(instance.GetType());
            op.Scheduler.SchedulePoint(op, SchedulingPointKind.Interlocked, site, name);

            // Keyed by type: stable across iterations (an instance is not) and conflicting with every call it may race with.
            op.Scheduler.RecordEffect(name, isWrite: true);
        }
    }

    private static void Use(object? instance, string member, string site, bool isWrite)
    {
        if (instance is null || ControlledScheduler.CurrentOperation is not { } op)
        {
            // A null receiver throws in the real call, as in .NET; outside a controlled run nothing is modelled.
            return;
        }

        string name = NameOf(instance.GetType());
        if (CollectionUses.Begin(op, instance, name, isWrite, member, site) is { } bug)
        {
            op.Scheduler.Fail(bug);
        }

        op.Scheduler.SchedulePoint(op, isWrite ? SchedulingPointKind.Write : SchedulingPointKind.Read, site, name);
        op.Scheduler.RecordEffect(name, isWrite);
    }

    /// <summary>"List&lt;int&gt;", "Dictionary&lt;string, List&lt;int&gt;&gt;": the type as C# writes it.</summary>
    internal static string NameOf(Type type) => s_names.GetOrAdd(type, Format);

    private static string Format(Type type)
    {
        if (Alias(type) is { } alias)
        {
            return alias;
        }

        if (type.IsArray)
        {
            return Format(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = new StringBuilder(type.Name, 0, type.Name.IndexOf('`', StringComparison.Ordinal) is var tick and >= 0 ? tick : type.Name.Length, 64);
        name.Append('<').AppendJoin(", ", type.GetGenericArguments().Select(Format)).Append('>');
        return name.ToString();
    }

    private static string? Alias(Type type) => type.IsEnum ? null : Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "bool",
        TypeCode.Byte => "byte",
        TypeCode.Char => "char",
        TypeCode.Decimal => "decimal",
        TypeCode.Double => "double",
        TypeCode.Int16 => "short",
        TypeCode.Int32 => "int",
        TypeCode.Int64 => "long",
        TypeCode.SByte => "sbyte",
        TypeCode.Single => "float",
        TypeCode.String => "string",
        TypeCode.UInt16 => "ushort",
        TypeCode.UInt32 => "uint",
        TypeCode.UInt64 => "ulong",
        _ when type == typeof(object) => "object",
        _ => null,
    };
}
