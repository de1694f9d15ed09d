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
        "System.Threading.ThreadPool",
        "System.Timers.Timer",
        "System.Threading.Tasks.Task",
        "System.Threading.Tasks.Task`1",
        "System.Threading.Tasks.TaskFactory",
        "System.Threading.Tasks.TaskFactory`1",
        "System.Threading.Tasks.Parallel",
        "System.Threading.Tasks.ValueTask",
        "System.Threading.Tasks.ValueTask`1",
        "System.Threading.Tasks.TaskCompletionSource",
        "System.Threading.Tasks.TaskCompletionSource`1",
        "System.Runtime.CompilerServices.YieldAwaitable",
        "System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter",
        "System.Runtime.CompilerServices.TaskAwaiter",
        "System.Runtime.CompilerServices.TaskAwaiter`1",
    ];

    private static readonly (string Type, string Method)[] s_someMembers =
    [
        ("System.Threading.Timer", ".ctor"),
        ("System.Threading.SemaphoreSlim", "WaitAsync"),
        ("System.Diagnostics.Process", "Start"),

        // An async method reports once, when its state machine starts.
        ("System.Runtime.CompilerServices.AsyncTaskMethodBuilder", "Start"),
        ("System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1", "Start"),
        ("System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder", "Start"),
        ("System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder`1", "Start"),
        ("System.Runtime.CompilerServices.AsyncVoidMethodBuilder", "Start"),
    ];

    private static readonly HashSet<string> s_types = new(s_everyMember, StringComparer.Ordinal);
    private static readonly HashSet<(string, string)> s_members = [.. s_someMembers];

    /// <summary>
    /// The API name passed to the check ("Task.Run", "Timer..ctor", "TaskAwaiter.GetResult") when
    /// <paramref name="callee"/> is uncontrolled; otherwise null.
    /// </summary>
    public static string? Describe(MethodReference callee)
    {
        TypeReference type = callee.DeclaringType is GenericInstanceType generic ? generic.ElementType : callee.DeclaringType;
        string typeName = type.FullName;
        if (!s_types.Contains(typeName) && !s_members.Contains((typeName, callee.Name)))
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
