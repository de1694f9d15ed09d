using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>
/// A whole trace, readable: one lane per operation, every scheduling point with its source line and
/// text, wake-ups as arrows between lanes, preemptions, the racing accesses or the deadlock cycle
/// marked. As text for a terminal, or as a self-contained HTML page with a zoomable timeline.
/// </summary>
public static class TraceViews
{
    /// <summary>The trace as text lines of at most <see cref="TraceViewOptions.Width"/> columns.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> is null.</exception>
    public static string Text(ScheduleTrace trace, TraceViewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        options ??= new TraceViewOptions();
        return TimelineText.Render(TimelineBuilder.Build(trace, new SourceLines(options.SourceRoots)), options);
    }

    /// <summary>The trace as one HTML page that loads nothing from the network.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> is null.</exception>
    public static string Html(ScheduleTrace trace, TraceViewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        options ??= new TraceViewOptions();
        return TimelineHtml.Render(TimelineBuilder.Build(trace, new SourceLines(options.SourceRoots)), options);
    }
}
