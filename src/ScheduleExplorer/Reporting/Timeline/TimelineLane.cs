namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>One operation's row: its id, readable label and the span of steps it lived through.</summary>
/// <param name="Id">The operation id (0 is the main flow).</param>
/// <param name="Label">"#3 Task.Run 2", with where it was started when known.</param>
/// <param name="FirstStep">Its first step (0-based), or -1 when it reached none.</param>
/// <param name="LastStep">Its last step (0-based), or -1.</param>
/// <param name="Completed">Whether it reached its Complete point.</param>
internal sealed record TimelineLane(int Id, string Label, int FirstStep, int LastStep, bool Completed);
