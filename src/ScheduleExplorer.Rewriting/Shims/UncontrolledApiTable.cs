using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Shims;

/// <summary>
/// The one table of concurrency APIs the runtime does not control. A call to one of them gets an
/// <c>UncontrolledCall.Check("Type.Method")</c> in front, unless it was redirected to a shim.
/// </summary>
internal static class UncontrolledApiTable
{
    private static readonly string[] s_everyMember =
    [
        // Members with a shim are redirected before this table is consulted; the rest escape.
        "System.Threading.ThreadPool",
        "System.Timers.Timer",
        "System.Threading.Tasks.TaskFactory",
        "System.Threading.Tasks.TaskFactory`1",
        "System.Threading.Tasks.Parallel",
        "System.Threading.Tasks.TaskScheduler",
        "System.Threading.Timer",
        "System.Threading.PeriodicTimer",

        // Modelled, with shims for its blocking members; the rest (TakeFromAny, AddToAny, the
        // overloads with a timeout and a token) would block the real collection.
        "System.Collections.Concurrent.BlockingCollection`1",
    ];

    private static readonly (string Type, string Method)[] s_someMembers =
    [
        ("System.Diagnostics.Process", "Start"),

        // Task members that schedule work or time on their own, until they have shims.
        ("System.Threading.Tasks.Task", "ContinueWith"),
        ("System.Threading.Tasks.Task`1", "ContinueWith"),
        ("System.Threading.Tasks.Task", "Start"),
        ("System.Threading.CancellationTokenSource", "CancelAfter"),
    ];

    // Members of the types above that only read state: naming the default scheduler (to pass it to
    // a controlled StartNew or ContinueWith), or creating a factory, is not a use of an uncontrolled one.
    private static readonly (string Type, string Method)[] s_harmless =
    [
        ("System.Threading.Tasks.TaskScheduler", "get_Default"),
        ("System.Threading.Tasks.TaskScheduler", "get_Current"),
        ("System.Threading.Tasks.TaskScheduler", "get_Id"),
        ("System.Threading.Tasks.TaskScheduler", "get_MaximumConcurrencyLevel"),
        ("System.Threading.Tasks.TaskFactory", ".ctor"),
        ("System.Threading.Tasks.TaskFactory`1", ".ctor"),
        ("System.Threading.ThreadPool", "get_ThreadCount"),
        ("System.Threading.ThreadPool", "get_PendingWorkItemCount"),
        ("System.Threading.ThreadPool", "get_CompletedWorkItemCount"),
        ("System.Collections.Concurrent.BlockingCollection`1", ".ctor"),
        ("System.Collections.Concurrent.BlockingCollection`1", "Dispose"),
        ("System.Collections.Concurrent.BlockingCollection`1", "get_BoundedCapacity"),
        ("System.Collections.Concurrent.BlockingCollection`1", "get_IsAddingCompleted"),
        ("System.Collections.Concurrent.BlockingCollection`1", "ToArray"),
        ("System.Collections.Concurrent.BlockingCollection`1", "CopyTo"),
    ];

    private static readonly HashSet<string> s_types = new(s_everyMember, StringComparer.Ordinal);
    private static readonly HashSet<(string, string)> s_readOnly = [.. s_harmless];
    private static readonly HashSet<(string, string)> s_members = [.. s_someMembers];

    /// <summary>
    /// The API name passed to the check ("Task.Run", "Timer..ctor", "TaskAwaiter.GetResult") when
    /// <paramref name="callee"/> is uncontrolled; otherwise null.
    /// </summary>
    public static string? Describe(MethodReference callee)
    {
        TypeReference type = callee.DeclaringType is GenericInstanceType generic ? generic.ElementType : callee.DeclaringType;
        string typeName = type.FullName;
        if ((!s_types.Contains(typeName) && !s_members.Contains((typeName, callee.Name))) || s_readOnly.Contains((typeName, callee.Name)))
        {
            return null;
        }

        return DisplayName(type) + "." + callee.Name;
    }

    private static string DisplayName(TypeReference type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        return type.DeclaringType is { } outer ? DisplayName(outer) + "." + name : name;
    }
}
