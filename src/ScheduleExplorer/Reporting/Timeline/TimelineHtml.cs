using System.Globalization;
using System.Net;
using System.Text;

namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>
/// The page rendering of a <see cref="Timeline"/>: one HTML file with its style and script inline
/// (nothing loaded from the network). An SVG timeline with one lane per operation, a box per step
/// (racing, deadlocked, failing and preempted steps highlighted), wake-up arrows between lanes, zoom
/// buttons and Ctrl+wheel zoom; below it the table of every step with its site and source text.
/// A click on a box selects its table row.
/// </summary>
internal static class TimelineHtml
{
    private const int Cell = 14;
    private const int LaneHeight = 26;
    private const int Top = 22;

    /// <summary>Renders <paramref name="timeline"/> as a complete page.</summary>
    public static string Render(Timeline timeline, TraceViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        var lanes = timeline.Lanes.Where(l => options.ShowsLane(l.Id)).ToList();
        var steps = timeline.Steps.Where(s => options.Shows(s.Number, s.Lane)).ToList();
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(Encode(timeline.Trace.Method)).AppendLine(" — schedex show</title>");
        html.Append("<style>").Append(TimelinePageAssets.Style).AppendLine("</style></head>");
        html.AppendLine("<body data-ready=\"false\">");
        html.Append("<h1>").Append(Encode(timeline.Heading)).AppendLine("</h1>");
        if (timeline.BugLine is { } bug)
        {
            html.Append("<p class=\"bug\">").Append(Encode(bug)).AppendLine("</p>");
        }

        html.AppendLine("<p class=\"legend\"><span class=\"box\"></span> step <span class=\"box race\"></span> racing access <span class=\"box deadlock\"></span> deadlocked <span class=\"box failure\"></span> failing step <span class=\"box preempt\"></span> preempted (the baton was taken) <span class=\"arrow\">→</span> wake-up (read from the step kinds) · zoom: <button id=\"zoom-out\">−</button><button id=\"zoom-in\">+</button> or Ctrl+wheel</p>");
        AppendTimeline(html, timeline, lanes, steps);
        AppendTable(html, timeline, steps);
        html.Append("<script>").Append(TimelinePageAssets.Script).AppendLine("</script>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void AppendTimeline(StringBuilder html, Timeline timeline, IReadOnlyList<TimelineLane> lanes, IReadOnlyList<TimelineStep> steps)
    {
        var row = new Dictionary<int, int>();
        for (int i = 0; i < lanes.Count; i++)
        {
            row[lanes[i].Id] = i;
        }

        int first = steps.Count == 0 ? 0 : steps[0].Index;
        int span = steps.Count == 0 ? 1 : steps[^1].Index - first + 1;
        int height = Top + (lanes.Count * LaneHeight) + 4;
        html.AppendLine("<div class=\"timeline\"><div class=\"labels\" style=\"padding-top:" + Top.ToString(CultureInfo.InvariantCulture) + "px\">");
        foreach (var lane in lanes)
        {
            html.Append("<div class=\"lane-label\" data-lane=\"").Append(lane.Id).Append("\">").Append(Encode(lane.Label)).AppendLine("</div>");
        }

        html.AppendLine("</div><div class=\"scroll\" id=\"scroll\">");
        html.Append(CultureInfo.InvariantCulture, $"<svg id=\"chart\" height=\"{height}\" width=\"{span * Cell}\" data-first=\"{first}\" data-span=\"{span}\">").AppendLine();
        html.AppendLine("<defs><marker id=\"head\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" class=\"head\"/></marker></defs>");
        for (int tick = first - (first % 10); tick < first + span; tick += 10)
        {
            if (tick >= first)
            {
                html.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" data-x=\"{tick - first}\" x=\"{(tick - first) * Cell}\" y=\"14\">{tick + 1}</text>").AppendLine();
            }
        }

        foreach (var lane in lanes)
        {
            int y = Top + (row[lane.Id] * LaneHeight);
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"lane {(row[lane.Id] % 2 == 0 ? "even" : "odd")}\" data-lane=\"{lane.Id}\" x=\"0\" y=\"{y}\" width=\"100%\" height=\"{LaneHeight}\"/>").AppendLine();
            AppendLaneStates(html, timeline, lane, first, span, y);
        }

        foreach (var step in steps)
        {
            if (!row.TryGetValue(step.Lane, out int r))
            {
                continue;
            }

            string classes = "step k-" + step.Step.Kind.ToString().ToLowerInvariant() + Classes(step.Marks);
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"{classes}\" data-step=\"{step.Number}\" data-lane=\"{step.Lane}\" data-x=\"{step.Index - first}\" x=\"{(step.Index - first) * Cell}\" y=\"{Top + (r * LaneHeight) + 4}\" width=\"{Cell - 2}\" height=\"{LaneHeight - 8}\">");
            html.Append("<title>").Append(Encode(Tooltip(timeline, step))).AppendLine("</title></rect>");
        }

        foreach (var edge in timeline.Edges)
        {
            if (!row.TryGetValue(edge.FromLane, out int from) || !row.TryGetValue(edge.ToLane, out int to) || edge.FromStep < first || edge.ToStep >= first + span)
            {
                continue;
            }

            int y1 = Top + (from * LaneHeight) + (LaneHeight / 2), y2 = Top + (to * LaneHeight) + (LaneHeight / 2);
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"wake\" data-from=\"{edge.FromStep + 1}\" data-to=\"{edge.ToStep + 1}\" data-x1=\"{edge.FromStep - first}\" data-x2=\"{edge.ToStep - first}\" x1=\"{((edge.FromStep - first) * Cell) + (Cell / 2)}\" y1=\"{y1}\" x2=\"{((edge.ToStep - first) * Cell) + (Cell / 2)}\" y2=\"{y2}\" marker-end=\"url(#head)\">");
            html.Append("<title>").Append(Encode($"step {edge.FromStep + 1}: {edge.Label} of step {edge.BlockedStep + 1}; #{edge.ToLane} runs again at step {edge.ToStep + 1}")).AppendLine("</title></line>");
        }

        html.AppendLine("</svg></div></div>");
    }

    private static void AppendLaneStates(StringBuilder html, Timeline timeline, TimelineLane lane, int first, int span, int y)
    {
        // Runs of "waits its turn" and "blocked" as thin bars behind the step boxes.
        char[] states = LaneStates.Of(timeline, lane.Id);
        int start = first;
        for (int i = first; i <= first + span; i++)
        {
            char state = i < first + span ? Simplify(states[i]) : '\0';
            if (i > start && (i == first + span || state != Simplify(states[start])))
            {
                char run = Simplify(states[start]);
                if (run is LaneStates.Ready or LaneStates.Blocked)
                {
                    string kind = run == LaneStates.Blocked ? "blocked" : "ready";
                    html.Append(CultureInfo.InvariantCulture, $"<rect class=\"state {kind}\" data-x=\"{start - first}\" data-w=\"{i - start}\" x=\"{(start - first) * Cell}\" y=\"{y + (LaneHeight / 2) - 2}\" width=\"{(i - start) * Cell}\" height=\"4\"/>").AppendLine();
                }

                start = i;
            }
        }
    }

    private static char Simplify(char state) => state is LaneStates.Ready or LaneStates.Blocked or LaneStates.Absent ? state : '█';

    private static void AppendTable(StringBuilder html, Timeline timeline, IReadOnlyList<TimelineStep> steps)
    {
        html.AppendLine("<table id=\"steps\"><thead><tr><th>step</th><th>operation</th><th>point</th><th>site</th><th>source</th><th>note</th></tr></thead><tbody>");
        foreach (var step in steps)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"step-{step.Number}\" class=\"{Classes(step.Marks).Trim()}\" data-lane=\"{step.Lane}\">");
            html.Append("<td>").Append(step.Number).Append("</td>");
            html.Append("<td>").Append(Encode(timeline.Lanes[step.Lane].Label)).Append("</td>");
            html.Append("<td>").Append(Encode(step.Point)).Append("</td>");
            html.Append("<td>").Append(Encode(step.Site ?? string.Empty)).Append("</td>");
            html.Append("<td><code>").Append(Encode(step.Source ?? string.Empty)).Append("</code></td>");
            html.Append("<td>").Append(Encode(Note(timeline, step))).AppendLine("</td></tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    private static string Classes(StepMarks marks)
    {
        var classes = new StringBuilder();
        classes.Append(marks.HasFlag(StepMarks.Race) ? " race" : string.Empty);
        classes.Append(marks.HasFlag(StepMarks.Deadlock) ? " deadlock" : string.Empty);
        classes.Append(marks.HasFlag(StepMarks.Failure) ? " failure" : string.Empty);
        classes.Append(marks.HasFlag(StepMarks.Preemption) ? " preempt" : string.Empty);
        classes.Append(marks.HasFlag(StepMarks.Blocked) ? " blocked" : string.Empty);
        return classes.ToString();
    }

    private static string Note(Timeline timeline, TimelineStep step)
    {
        var notes = new List<string>();
        if (step.Marks.HasFlag(StepMarks.Race))
        {
            notes.Add("racing access");
        }

        if (step.Marks.HasFlag(StepMarks.Deadlock))
        {
            notes.Add("deadlocked here");
        }

        if (step.Marks.HasFlag(StepMarks.Failure))
        {
            notes.Add("the bug surfaces here");
        }

        if (step.Marks.HasFlag(StepMarks.Preemption))
        {
            notes.Add($"preempted: #{step.Step.Next} runs next");
        }

        if (step.Marks.HasFlag(StepMarks.Blocked))
        {
            notes.Add("blocks");
        }

        notes.AddRange(timeline.EdgesFrom[step.Index].Select(e => $"wakes #{e.ToLane} (runs at step {e.ToStep + 1})"));
        return string.Join("; ", notes);
    }

    private static string Tooltip(Timeline timeline, TimelineStep step)
    {
        string text = $"step {step.Number}: {timeline.Lanes[step.Lane].Label} — {step.Point}";
        text += step.Site is { } site ? $" at {site}" : string.Empty;
        text += step.Source is { } source ? $"\n{source}" : string.Empty;
        string note = Note(timeline, step);
        return note.Length == 0 ? text : $"{text}\n{note}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
