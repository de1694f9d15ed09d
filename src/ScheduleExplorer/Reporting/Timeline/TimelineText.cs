using System.Globalization;
using System.Text;

namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>
/// The terminal rendering of a <see cref="Timeline"/>: the heading and bug, a lane chart (one row
/// per operation, one column per step or per block of steps), then one row per step with a lane
/// gutter (● the operation that ran, ►/◄ a wake-up arrow to the lane it wakes), the mark, the
/// point, the site with its enclosing method, and the source text, cut to the width.
/// </summary>
internal static class TimelineText
{
    private const int StepWidth = 6;
    private const int OperationWidth = 16;

    /// <summary>Renders <paramref name="timeline"/> as lines of at most <see cref="TraceViewOptions.Width"/> columns.</summary>
    public static string Render(Timeline timeline, TraceViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        int width = Math.Max(60, options.Width);
        var shownSteps = timeline.Steps.Where(s => options.Shows(s.Number, s.Lane)).ToList();
        var lanes = timeline.Lanes.Where(l => options.ShowsLane(l.Id)).ToList();
        var text = new StringBuilder();
        foreach (string line in Wrap(timeline.Heading, width))
        {
            text.AppendLine(line);
        }

        if (timeline.BugLine is { } bug)
        {
            foreach (string line in Wrap(bug, width))
            {
                text.AppendLine(line);
            }
        }

        text.AppendLine();
        AppendLaneChart(text, timeline, lanes, options, width);
        text.AppendLine();
        AppendSteps(text, timeline, lanes, shownSteps, width);
        text.AppendLine();
        foreach (string line in Wrap(timeline.Footnote, width))
        {
            text.AppendLine(line);
        }

        return text.ToString().TrimEnd();
    }

    private static void AppendLaneChart(StringBuilder text, Timeline timeline, IReadOnlyList<TimelineLane> lanes, TraceViewOptions options, int width)
    {
        int first = Math.Max(1, options.FirstStep ?? 1) - 1;
        int last = Math.Min(timeline.Steps.Count, options.LastStep ?? timeline.Steps.Count) - 1;
        int count = Math.Max(0, last - first + 1);
        int labelWidth = Math.Min(34, Math.Max(12, lanes.Select(l => l.Label.Length).DefaultIfEmpty(0).Max()));
        int barWidth = Math.Max(10, width - labelWidth - 5);
        int perColumn = Math.Max(1, (count + barWidth - 1) / barWidth);
        string scale = perColumn == 1 ? "one column per step" : string.Create(CultureInfo.InvariantCulture, $"one column per {perColumn} steps");
        text.AppendLine(Fit(string.Create(CultureInfo.InvariantCulture, $"Lanes, steps {first + 1}..{last + 1} ({scale}):"), width));
        text.AppendLine(Fit("  " + LaneCell.Legend, width));
        foreach (var lane in lanes)
        {
            char[] states = LaneStates.Of(timeline, lane.Id);
            var bar = new StringBuilder();
            for (int start = first; start <= last; start += perColumn)
            {
                bar.Append(Merge(states.AsSpan(start, Math.Min(perColumn, last - start + 1))));
            }

            text.Append("  ").Append(Fit(lane.Label, labelWidth).PadRight(labelWidth)).Append(" │").Append(bar).AppendLine();
        }
    }

    /// <summary>The character standing for a block of steps: a mark beats running, running beats blocked or ready.</summary>
    private static char Merge(ReadOnlySpan<char> states)
    {
        foreach (char important in "✖!↯█·─")
        {
            if (states.Contains(important))
            {
                return important;
            }
        }

        return LaneStates.Absent;
    }

    private static void AppendSteps(StringBuilder text, Timeline timeline, IReadOnlyList<TimelineLane> lanes, IReadOnlyList<TimelineStep> steps, int width)
    {
        int gutter = lanes.Count * 2;
        int fixedWidth = StepWidth + 1 + gutter + 2 + OperationWidth + 2;
        int rest = Math.Max(30, width - fixedWidth);
        int pointWidth = Math.Clamp(rest * 28 / 100, 14, 34);
        int siteWidth = Math.Clamp(rest * 36 / 100, 14, 40);
        int sourceWidth = Math.Max(0, rest - pointWidth - siteWidth - 2);
        var header = new StringBuilder();
        header.Append("step".PadLeft(StepWidth)).Append(' ');
        header.Append(GutterHeader(lanes, gutter)).Append("  ");
        header.Append("operation".PadRight(OperationWidth)).Append("  ");
        header.Append("point".PadRight(pointWidth)).Append(' ').Append("site".PadRight(siteWidth)).Append(' ').Append("source");
        text.AppendLine(Fit(header.ToString(), width).TrimEnd());
        int previous = -1;
        foreach (var step in steps)
        {
            if (previous >= 0 && step.Index != previous + 1)
            {
                text.AppendLine("⋮".PadLeft(StepWidth));
            }

            previous = step.Index;
            var line = new StringBuilder();
            line.Append(step.Number.ToString(CultureInfo.InvariantCulture).PadLeft(StepWidth)).Append(' ');
            line.Append(Gutter(timeline, lanes, step)).Append("  ");
            line.Append(Fit(timeline.Trace.Operations[step.Lane], OperationWidth - 3).PadRight(OperationWidth - 3)).Append(' ').Append(LaneCell.Marks(step.Marks)).Append("  ");
            line.Append(Fit(PointText(timeline, step), pointWidth).PadRight(pointWidth)).Append(' ');
            line.Append(Fit(step.Site ?? string.Empty, siteWidth).PadRight(siteWidth)).Append(' ');
            line.Append(Fit(step.Source ?? string.Empty, sourceWidth));
            text.AppendLine(Fit(line.ToString().TrimEnd(), width));
        }
    }

    private static string PointText(Timeline timeline, TimelineStep step)
    {
        var woken = timeline.EdgesFrom[step.Index].Select(e => $"#{e.ToLane}").ToList();
        return woken.Count == 0 ? step.Point : $"{step.Point} → wakes {string.Join(',', woken)}";
    }

    private static string GutterHeader(IReadOnlyList<TimelineLane> lanes, int gutter)
    {
        // Lane ids, one per two columns, as far as they fit ("0 1 2 3 …").
        var header = new StringBuilder();
        foreach (var lane in lanes)
        {
            string id = (lane.Id % 100).ToString(CultureInfo.InvariantCulture);
            header.Append(id.Length == 1 ? id + " " : id);
        }

        return header.ToString().PadRight(gutter);
    }

    private static string Gutter(Timeline timeline, IReadOnlyList<TimelineLane> lanes, TimelineStep step)
    {
        var cells = new char[lanes.Count * 2];
        Array.Fill(cells, ' ');
        int column = IndexOf(lanes, step.Lane);
        for (int l = 0; l < lanes.Count; l++)
        {
            var lane = lanes[l];
            bool alive = lane.FirstStep >= 0 && lane.FirstStep <= step.Index && (step.Index <= lane.LastStep || !lane.Completed);
            cells[l * 2] = l == column ? '●' : alive ? '│' : ' ';
        }

        foreach (var edge in timeline.EdgesFrom[step.Index])
        {
            int to = IndexOf(lanes, edge.ToLane);
            if (to < 0 || column < 0)
            {
                continue;
            }

            int from = column * 2, target = to * 2;
            for (int c = Math.Min(from, target) + 1; c < Math.Max(from, target); c++)
            {
                cells[c] = '─';
            }

            cells[target] = target > from ? '►' : '◄';
        }

        return new string(cells);
    }

    private static int IndexOf(IReadOnlyList<TimelineLane> lanes, int id)
    {
        for (int i = 0; i < lanes.Count; i++)
        {
            if (lanes[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        // Continuation lines are indented by two spaces.
        var line = new StringBuilder();
        bool fresh = true;
        foreach (string word in text.Split(' '))
        {
            if (!fresh && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append("  ");
                fresh = true;
            }

            line.Append(fresh ? string.Empty : " ").Append(word);
            fresh = false;
        }

        yield return Fit(line.ToString(), width);
    }

    private static string Fit(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? text[..width] : string.Concat(text.AsSpan(0, width - 1), "…");
}
