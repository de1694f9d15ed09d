using System.Reflection;

namespace ScheduleExplorer.Stress.Targets;

/// <summary>
/// The counting companion of a sized entry <c>T.M(int, int)</c>: a public static
/// <c>long Count(E variant, int threads, int size)</c> on a type named <c>TCount</c> in the same namespace,
/// where the enum <c>E</c> has a member named <c>M</c> (ScheduleExplorer.Workloads' <c>LostUpdateCount</c>
/// for <c>LostUpdate</c>). An optional <c>long Expected(int, int)</c> on it gives the correct total
/// (threads × size otherwise).
/// </summary>
internal sealed class CountingCompanion
{
    private readonly MethodInfo _count;
    private readonly object _variant;
    private readonly MethodInfo? _expected;

    private CountingCompanion(MethodInfo count, object variant, MethodInfo? expected)
    {
        _count = count;
        _variant = variant;
        _expected = expected;
    }

    /// <summary>The companion of <paramref name="entry"/>, or null when its assembly has none.</summary>
    public static CountingCompanion? Find(MethodInfo entry)
    {
        Type type = entry.DeclaringType!;
        Type? companion = type.Assembly.GetType(type.FullName + "Count", throwOnError: false);
        if (companion is null || !companion.IsPublic)
        {
            return null;
        }

        foreach (MethodInfo count in companion.GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            ParameterInfo[] parameters = count.GetParameters();
            if (count.Name == "Count" && count.ReturnType == typeof(long) && parameters.Length == 3
                && parameters[0].ParameterType.IsEnum && parameters[1].ParameterType == typeof(int) && parameters[2].ParameterType == typeof(int)
                && Enum.TryParse(parameters[0].ParameterType, entry.Name, ignoreCase: false, out object? variant))
            {
                MethodInfo? expected = companion.GetMethod("Expected", BindingFlags.Public | BindingFlags.Static, [typeof(int), typeof(int)]);
                return new CountingCompanion(count, variant!, expected?.ReturnType == typeof(long) ? expected : null);
            }
        }

        return null;
    }

    /// <summary>Runs the workload once and returns what it counted.</summary>
    public long Count(int threads, int size) => (long)StressEntry.Invoke(_count, null, [_variant, threads, size])!;

    /// <summary>The total a correct run reaches.</summary>
    public long Expected(int threads, int size) =>
        _expected is null ? (long)threads * size : (long)StressEntry.Invoke(_expected, null, [threads, size])!;
}
