namespace ScheduleExplorer.Workloads.Memory;

/// <summary>
/// This assembly's own marker for a race that is intended: ScheduleExplorer's race detector matches
/// the attribute by name, so the workloads need no reference to it.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Class)]
internal sealed class BenignRaceAttribute : Attribute
{
}
