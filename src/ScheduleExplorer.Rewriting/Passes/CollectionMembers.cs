using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Which BCL collection calls are reads or writes of their instance, by declaring type and member
/// name. A member not listed as a write is a read: every mutator of these types is listed, and a
/// read misclassified as a write would report overlapping reads as a bug.
/// </summary>
internal static class CollectionMembers
{
    private static readonly HashSet<string> s_nonThreadSafe = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic.List`1",
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.Queue`1",
        "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.SortedSet`1",
        "System.Collections.Generic.LinkedList`1",
        "System.Collections.Generic.PriorityQueue`2",
        "System.Text.StringBuilder",
    };

    private static readonly HashSet<string> s_threadSafe = new(StringComparer.Ordinal)
    {
        "System.Collections.Concurrent.ConcurrentDictionary`2",
        "System.Collections.Concurrent.ConcurrentQueue`1",
        "System.Collections.Concurrent.ConcurrentStack`1",
        "System.Collections.Concurrent.ConcurrentBag`1",
    };

    private static readonly HashSet<string> s_writes = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere",
        "Clear", "set_Item", "set_Capacity", "set_Length", "set_Chars", "Sort", "Reverse", "TrimExcess", "EnsureCapacity",
        "TryAdd", "Enqueue", "EnqueueRange", "Dequeue", "TryDequeue", "EnqueueDequeue", "DequeueEnqueue", "Push", "Pop", "TryPop",
        "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith",
        "AddFirst", "AddLast", "AddBefore", "AddAfter", "RemoveFirst", "RemoveLast", "SetValueAtIndex",
        "Append", "AppendLine", "AppendFormat", "AppendJoin", "Replace",
    };

    /// <summary>How a call of <paramref name="method"/> (an instance method) uses its instance, or null when it is no collection call.</summary>
    public static CollectionAccess? Classify(MethodReference method)
    {
        if (!method.HasThis)
        {
            return null;
        }

        TypeReference declaring = method.DeclaringType is GenericInstanceType generic ? generic.ElementType : method.DeclaringType;
        string name = declaring.FullName;
        if (s_threadSafe.Contains(name))
        {
            return CollectionAccess.Atomic;
        }

        if (!s_nonThreadSafe.Contains(name))
        {
            return null;
        }

        return s_writes.Contains(method.Name) ? CollectionAccess.Write : CollectionAccess.Read;
    }
}
