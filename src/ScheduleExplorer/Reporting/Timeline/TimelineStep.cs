using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>One step of a trace with what the renderers show of it.</summary>
/// <param name="Index">The 0-based position in the trace (shown 1-based).</param>
/// <param name="Step">The recorded step.</param>
/// <param name="Marks">Preemption, blocking, race, deadlock or failure.</param>
/// <param name="Point">The point in readable words, such as "Write RacyCounter._count".</param>
/// <param name="Site">"File.cs:line", with the enclosing method when the source was found.</param>
/// <param name="Source">The text of the source line, when the file was found.</param>
internal sealed record TimelineStep(int Index, TraceStep Step, StepMarks Marks, string Point, string? Site, string? Source)
{
    /// <summary>The operation that reached the step.</summary>
    public int Lane => Step.By;

    /// <summary>The 1-based number people read.</summary>
    public int Number => Index + 1;
}
