namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>
/// Which assemblies are never rewritten: the framework (<c>System*</c>, <c>Microsoft.*</c>,
/// <c>mscorlib</c>, <c>netstandard</c>), the harness itself, NUnit and Mono.Cecil.
/// </summary>
internal static class AssemblyKinds
{
    private static readonly HashSet<string> s_harness = new(StringComparer.OrdinalIgnoreCase)
    {
        "ScheduleExplorer",
        "ScheduleExplorer.Rewriting",
        "ScheduleExplorer.Testing",
        "ScheduleExplorer.NUnit",
    };

    /// <summary>Whether <paramref name="name"/> is a framework assembly.</summary>
    public static bool IsFramework(string name) =>
        name.Equals("System", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase)
        || name.Equals("mscorlib", StringComparison.OrdinalIgnoreCase)
        || name.Equals("netstandard", StringComparison.OrdinalIgnoreCase)
        || name.Equals("WindowsBase", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why <paramref name="name"/> must never be rewritten ("a framework assembly"), or null when
    /// it may be; <paramref name="runtimeName"/> is the runtime assembly's name.
    /// </summary>
    public static string? WhyNeverRewritten(string name, string runtimeName)
    {
        if (IsFramework(name))
        {
            return "a framework assembly";
        }

        if (s_harness.Contains(name) || name.Equals(runtimeName, StringComparison.OrdinalIgnoreCase))
        {
            return "part of the ScheduleExplorer harness";
        }

        if (name.StartsWith("nunit", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Mono.Cecil", StringComparison.OrdinalIgnoreCase))
        {
            return "a test-framework or rewriting library";
        }

        return null;
    }
}
