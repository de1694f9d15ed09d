namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>
/// An arrow between lanes: the step (0-based) of <see cref="FromLane"/> that released, pulsed or
/// completed, and the step where the operation of <see cref="ToLane"/>, blocked until then, ran again.
/// </summary>
/// <param name="FromStep">The waking step (0-based).</param>
/// <param name="FromLane">The waking operation.</param>
/// <param name="BlockedStep">The step (0-based) where the woken operation blocked.</param>
/// <param name="ToStep">The first step of the woken operation after it was woken (0-based).</param>
/// <param name="ToLane">The woken operation.</param>
/// <param name="Label">What the arrow is, such as "Complete wakes Join".</param>
internal sealed record WakeEdge(int FromStep, int FromLane, int BlockedStep, int ToStep, int ToLane, string Label);
