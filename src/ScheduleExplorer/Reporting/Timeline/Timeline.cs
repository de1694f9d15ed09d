using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>
/// A trace prepared for reading: its lanes, every step with its marks, readable point and source
/// line, and the wake-up arrows between lanes. Built by <see cref="TimelineBuilder"/>; rendered as
/// text by <see cref="TimelineText"/> and as a page by <see cref="TimelineHtml"/>.
/// </summary>
internal sealed record Timeline(
    ScheduleTrace Trace,
    IReadOnlyList<TimelineLane> Lanes,
    IReadOnlyList<TimelineStep> Steps,
    IReadOnlyList<WakeEdge> Edges)
{
    private ILookup<int, WakeEdge>? _edgesFrom;

    /// <summary>The wake-up arrows by the step (0-based) they start from.</summary>
    public ILookup<int, WakeEdge> EdgesFrom => _edgesFrom ??= Edges.ToLookup(e => e.FromStep);

    /// <summary>Steps marked as preemptions.</summary>
    public int PreemptionsMarked => Steps.Count(s => s.Marks.HasFlag(StepMarks.Preemption));

    /// <summary>The heading line: method, strategy, seed, iteration, steps and preemptions.</summary>
    public string Heading => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Trace.Method} — {Trace.Strategy}, seed {Trace.Seed}, iteration {Trace.Iteration + 1}: {Trace.Steps.Count:N0} steps, {Lanes.Count} operations, {Trace.Preemptions} preemptions");

    /// <summary>How much of the picture is read from the step kinds rather than recorded.</summary>
    public string Footnote
    {
        get
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            string preemptions = PreemptionsMarked == Trace.Preemptions
                ? string.Create(culture, $"{PreemptionsMarked} preemptions marked")
                : string.Create(culture, $"{PreemptionsMarked} of the trace's {Trace.Preemptions} preemptions marked (a switch where the operation may have blocked is marked only when it surely did not)");
            return string.Create(culture, $"{preemptions}; {Edges.Count} wake-ups drawn. A trace records who ran at each point, not who woke whom: wake-ups and preemptions are read from the kinds of the steps.");
        }
    }

    /// <summary>The bug line, or null for a trace without a bug.</summary>
    public string? BugLine => Trace.Bug is { } bug
        ? bug.Message.StartsWith($"{bug.Kind}:", StringComparison.Ordinal) ? bug.Message : $"{bug.Kind}: {bug.Message}"
        : null;
}
