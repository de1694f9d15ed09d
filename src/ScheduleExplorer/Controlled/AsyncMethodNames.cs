using System.Collections.Concurrent;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Readable names of async methods from their compiler-generated state machine types:
/// <c>&lt;FetchAsync&gt;d__3</c> is "FetchAsync", an async lambda <c>&lt;&lt;Run&gt;b__0_0&gt;d</c> in
/// <c>Inventory.Run</c> is "lambda in Run".
/// </summary>
internal static class AsyncMethodNames
{
    private static readonly ConcurrentDictionary<Type, string> s_names = new();

    public static string Of(Type stateMachine) => s_names.GetOrAdd(stateMachine, Compute);

    private static string Compute(Type stateMachine)
    {
        string name = stateMachine.Name;
        if (name.StartsWith("<<", StringComparison.Ordinal) && name.IndexOf(">b__", StringComparison.Ordinal) is var lambda and > 2)
        {
            return "lambda in " + name[2..lambda];
        }

        if (name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is var end and > 1)
        {
            return name[1..end];
        }

        return name;
    }
}
