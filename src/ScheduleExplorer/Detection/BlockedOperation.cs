namespace ScheduleExplorer.Detection;

/// <summary>
/// A blocked operation as deadlock analysis sees it: plain data the runtime hands over, so detection
/// depends on nothing of the runtime's own types.
/// </summary>
/// <param name="Id">The operation's id (the cycle starts at the lowest).</param>
/// <param name="Name">The operation's name.</param>
/// <param name="Holds">The names of the resources it holds.</param>
/// <param name="WaitsFor">The name of what it waits for, or null when it sleeps forever.</param>
/// <param name="Verb">How it waits: "waits for", "awaits", "waits for a pulse on".</param>
/// <param name="OwnerId">The operation that owns what it waits for (the holder, or who completes it), or null.</param>
/// <param name="HeldBy">The owner's name when it holds the resource (shown as "held by"), or null.</param>
/// <param name="Kind">The scheduling point it blocked at ("Acquire", "Await", …), for the bug's signature.</param>
/// <param name="Site">Where it blocked, or null.</param>
internal sealed record BlockedOperation(int Id, string Name, IReadOnlyList<string> Holds, string? WaitsFor, string Verb, int? OwnerId, string? HeldBy, string Kind, string? Site);
