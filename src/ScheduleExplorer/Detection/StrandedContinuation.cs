namespace ScheduleExplorer.Detection;

/// <summary>An async flow's continuation posted to a synchronization context that never ran it.</summary>
/// <param name="Flow">The flow's name.</param>
/// <param name="Site">Where it awaited, or null.</param>
/// <param name="ContextName">The context it was posted to.</param>
internal sealed record StrandedContinuation(string Flow, string? Site, string ContextName);
