using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Shims;

/// <summary>
/// APIs whose values differ from one process to the next and that have no controlled stand-in:
/// per-process hash seeds and cryptographic randomness. A call to one is not a concurrency escape (it
/// runs as one step) but a schedule that depends on its value may not replay, so the static scan
/// names each call before anything runs. (<see cref="Guid.NewGuid"/>, <see cref="Random"/>,
/// <c>string.GetHashCode</c> and the clocks are controlled and not listed.)
/// </summary>
internal static class NondeterministicApiTable
{
    private static readonly string[] s_everyMember =
    [
        "System.HashCode",
        "System.Security.Cryptography.RandomNumberGenerator",
    ];

    private static readonly (string Type, string Method)[] s_someMembers =
    [
        ("System.Runtime.CompilerServices.RuntimeHelpers", "GetHashCode"),
        ("System.StringComparer", "GetHashCode"),
        ("System.Security.Cryptography.RandomNumberGenerator", "GetBytes"),
    ];

    private static readonly HashSet<string> s_types = new(s_everyMember, StringComparer.Ordinal);
    private static readonly HashSet<(string, string)> s_members = [.. s_someMembers];

    /// <summary>"HashCode.Combine" when <paramref name="callee"/> is nondeterministic between processes; otherwise null.</summary>
    public static string? Describe(MethodReference callee)
    {
        TypeReference type = callee.DeclaringType is GenericInstanceType generic ? generic.ElementType : callee.DeclaringType;
        string typeName = type.FullName;
        if (!s_types.Contains(typeName) && !s_members.Contains((typeName, callee.Name)))
        {
            return null;
        }

        return type.Name + "." + (callee.Name == ".ctor" ? "new" : callee.Name);
    }
}
