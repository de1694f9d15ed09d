namespace ScheduleExplorer.Runtime;

/// <summary>
/// Human names for synchronization objects in reports: the object's own <c>ToString()</c> when its
/// type overrides it ("fork 1"), otherwise the type name and a per-iteration sequence number
/// ("Lock#2"), which is deterministic because registration follows the schedule.
/// </summary>
internal static class ResourceNames
{
    public static string Describe(object target, int sequence)
    {
        var type = target.GetType();
        var toString = type.GetMethod(nameof(ToString), Type.EmptyTypes);
        if (toString is not null && toString.DeclaringType != typeof(object) && !IsFrameworkType(type))
        {
            try
            {
                var text = target.ToString();
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text;
                }
            }
            catch (Exception)
            {
                // A throwing ToString must not hide the report it is naming things for.
            }
        }

        return $"{type.Name}#{sequence}";
    }

    private static bool IsFrameworkType(Type type) =>
        type.Assembly == typeof(object).Assembly || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true;
}
