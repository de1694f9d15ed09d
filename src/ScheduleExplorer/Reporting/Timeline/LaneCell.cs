namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>The characters of the text lane chart and the step list's mark column.</summary>
internal static class LaneCell
{
    /// <summary>The legend line of the lane chart.</summary>
    public const string Legend = "█ runs, · blocked, ─ waits its turn, ↯ preempted, ! racing access, ✖ deadlocked or failing step";

    /// <summary>The one-character mark of a step: the most important of its marks, or a space.</summary>
    public static char Mark(StepMarks marks) =>
        marks.HasFlag(StepMarks.Deadlock) || marks.HasFlag(StepMarks.Failure) ? '✖'
        : marks.HasFlag(StepMarks.Race) ? '!'
        : marks.HasFlag(StepMarks.Preemption) ? '↯'
        : marks.HasFlag(StepMarks.Blocked) ? '·'
        : ' ';

    /// <summary>The two-character mark column of the step list: the bug's mark (✖ or !), then the switch's (↯ or ·).</summary>
    public static string Marks(StepMarks marks)
    {
        char bug = marks.HasFlag(StepMarks.Deadlock) || marks.HasFlag(StepMarks.Failure) ? '✖' : marks.HasFlag(StepMarks.Race) ? '!' : ' ';
        char turn = marks.HasFlag(StepMarks.Preemption) ? '↯' : marks.HasFlag(StepMarks.Blocked) ? '·' : ' ';
        return new string([bug, turn]);
    }

    /// <summary>The lane chart character of a run of steps in which an operation ran (marks merged).</summary>
    public static char Ran(StepMarks marks) => Mark(marks) is ' ' or '·' ? '█' : Mark(marks);
}
