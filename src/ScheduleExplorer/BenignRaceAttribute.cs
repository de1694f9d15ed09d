namespace ScheduleExplorer;

/// <summary>
/// Marks a field (or every field of a type) whose data races are known and intended: the race detector
/// does not report them, and the accesses stay scheduling points. The rewriter matches the attribute by
/// its name, <c>BenignRaceAttribute</c>, in any namespace, so code that must not reference
/// ScheduleExplorer can declare its own. To accept a location without touching the code, list it under
/// <c>BenignRaces</c> in <c>coyote.json</c> or in <c>TestConfiguration.BenignRaces</c>.
/// </summary>
/// <example>
/// <code>
/// [BenignRace] private bool _statisticsDirty; // a hint, read and written without a lock on purpose
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class BenignRaceAttribute : Attribute
{
}
