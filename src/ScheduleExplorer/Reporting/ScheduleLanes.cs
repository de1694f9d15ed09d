using System.Text;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Reporting;

/// <summary>
/// Renders a schedule as lanes, one column per operation (like a lane diagram): each row is one
/// step, written in the column of the operation that reached it, with the shared location and the
/// source line, so racing reads and writes stand side by side.
/// </summary>
public static class ScheduleLanes
{
    private const int MaxLaneWidth = 44;

    /// <summary>
    /// The last <paramref name="stepsPerOperation"/> steps of each operation of <paramref name="trace"/>
    /// as lanes, in schedule order; "⋮" marks omitted steps.
    /// </summary>
    public static string Render(ScheduleTrace trace, int stepsPerOperation = 8)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var steps = trace.Steps;
        var shown = new SortedSet<int>();
        var perOperation = new int[trace.Operations.Count];
        for (int i = steps.Count - 1; i >= 0; i--)
        {
            if (perOperation[steps[i].By]++ < stepsPerOperation)
            {
                shown.Add(i);
            }
        }

        var cells = new List<(int Step, int Lane, string Text)>();
        int previous = -1;
        foreach (int i in shown)
        {
            if (i != previous + 1)
            {
                cells.Add((0, -1, "⋮"));
            }

            cells.Add((i + 1, steps[i].By, Describe(steps[i])));
            previous = i;
        }

        int lanes = trace.Operations.Count;
        var widths = new int[lanes];
        for (int lane = 0; lane < lanes; lane++)
        {
            widths[lane] = Math.Min(MaxLaneWidth, Math.Max(trace.Operations[lane].Length, cells.Where(c => c.Lane == lane).Select(c => c.Text.Length).DefaultIfEmpty(0).Max()));
        }

        var text = new StringBuilder();
        text.AppendLine($"Schedule ({steps.Count} steps; the last {stepsPerOperation} of each operation):");
        text.Append("  step ");
        for (int lane = 0; lane < lanes; lane++)
        {
            text.Append("| ").Append(Fit(trace.Operations[lane], widths[lane])).Append(' ');
        }

        text.AppendLine();
        text.Append("  -----");
        foreach (int width in widths)
        {
            text.Append("-+-").Append(new string('-', width));
        }

        text.AppendLine();
        foreach (var (step, lane, cell) in cells)
        {
            if (lane < 0)
            {
                text.AppendLine($"  {cell,4}");
                continue;
            }

            text.Append($"  {step,4} ");
            for (int l = 0; l < lanes; l++)
            {
                text.Append("| ").Append(Fit(l == lane ? cell : string.Empty, widths[l])).Append(' ');
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>"Write RacyCounter._count @ RacyCounter.cs:20".</summary>
    public static string Describe(TraceStep step)
    {
        var text = new StringBuilder(step.Kind.ToString());
        if (step.Kind.IsDataChoice() && step.Kind != SchedulingPointKind.StaleRead)
        {
            return text.Append(" = ").Append(step.Value).ToString();
        }

        if (step.Target is { } target)
        {
            text.Append(' ').Append(ShortName(target));
        }

        if (step.Kind == SchedulingPointKind.StaleRead)
        {
            text.Append(step.Value == 1 ? " = old" : " = new");
        }

        if (step.Site is { } site)
        {
            text.Append(" @").Append(site);
        }

        return text.ToString();
    }

    private static string ShortName(string location)
    {
        // "Namespace.Type.field" -> "Type.field": the namespace adds width, not information.
        var parts = location.Split('.');
        return parts.Length <= 2 ? location : $"{parts[^2]}.{parts[^1]}";
    }

    private static string Fit(string text, int width) =>
        text.Length <= width ? text.PadRight(width) : string.Concat(text.AsSpan(0, width - 1), "…");
}
