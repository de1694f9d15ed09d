using System.Text;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Reporting;

/// <summary>
/// The readable report of a run: what failed (the assertion, or the deadlock cycle), the last steps
/// of each operation with source lines, and how to replay it.
/// </summary>
public static class BugReportWriter
{
    /// <summary>Schedules of more operations than this are summarized, not drawn as lanes.</summary>
    public const int MaxLanes = 32;

    /// <summary>Traces of more steps than this get no token (it would not be copy-pasteable): the trace file is the way to replay.</summary>
    public const int MaxTokenSteps = 200;

    /// <summary>The report of <paramref name="report"/>; <paramref name="replayCommand"/> is shown when given; the lanes show the last <paramref name="stepsPerOperation"/> steps of each operation.</summary>
    public static string Format(TestReport report, string? replayCommand = null, int stepsPerOperation = 6)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        if (report.Bug is not { } bug)
        {
            if (report.CouldNotTest is { } couldNotTest)
            {
                text.AppendLine(couldNotTest.Summary);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"({report.Method}, {report.Strategy}, seed {report.Seed}, after {report.Iterations:N0} iterations; no trace written.)");
                return text.ToString();
            }

            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"No bug found in {report.Method} after {report.Iterations:N0} iterations ({report.Strategy}, seed {report.Seed}");
            text.Append(report.Exhausted ? ", " + report.ExhaustedText : string.Empty).AppendLine(").");
            if (report.Divergence is { } divergence)
            {
                text.AppendLine(divergence);
            }

            return text.ToString().TrimEnd();
        }

        text.AppendLine($"Bug found in iteration {report.FirstBugIteration} of {report.Method} ({report.Strategy}, seed {report.Seed}):");
        text.AppendLine(bug.Message.StartsWith($"{bug.Kind}:", StringComparison.Ordinal) ? $"  {bug.Message}" : $"  {bug.Kind}: {bug.Message}");
        text.AppendLine();
        text.AppendLine(Indent(bug.Details));
        if (report.Trace is { } trace)
        {
            text.AppendLine();
            if (Minimization(report) is { } minimized)
            {
                text.AppendLine(minimized);
            }

            // A schedule of hundreds of operations would print megabytes of lanes: summarize it instead.
            text.AppendLine(trace.Operations.Count <= MaxLanes
                ? ScheduleLanes.Render(trace, stepsPerOperation)
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({trace.Operations.Count:N0} operations and {trace.Steps.Count:N0} steps: too many lanes to show here; the trace holds every step, `schedex replay` re-runs it.)"));
            text.AppendLine();
            if (report.TracePath is { } path)
            {
                text.AppendLine($"Trace: {path}");
            }

            text.AppendLine(trace.Steps.Count <= MaxTokenSteps
                ? $"Token: {TraceSerializer.ToToken(trace)}"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Token: none for a trace of {trace.Steps.Count:N0} steps (more than {MaxTokenSteps}): replay the trace file."));
            text.AppendLine(report.TracePath is { } shown
                ? $"Every step: schedex show {ShellWord(shown)} (--html page.html for a zoomable page)"
                : "Every step: schedex show <the token above> (--html page.html for a zoomable page)");
            if (replayCommand is not null)
            {
                // Last, where a reader's eye lands: the command that reproduces it.
                text.AppendLine($"Replay: {replayCommand}");
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string ShellWord(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '_' or ':' or '+' or '\\') ? path : $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>What minimization did to the schedule, and how far its count is known to be the least; null when it did nothing to say.</summary>
    private static string? Minimization(TestReport report)
    {
        int found = report.BugPreemptionsFound;
        int reported = report.BugPreemptions;
        if (found <= reported && (report.BugMinimality is not Minimality.Proven || reported == 0))
        {
            return null;
        }

        string count = reported == 1 ? "1 preemption" : $"{reported} preemptions";
        string what = found > reported ? $"was minimized from {found} to {count}" : $"has {count}";
        string how = report.BugMinimality switch
        {
            Minimality.Proven => ": no schedule with fewer shows this bug",
            Minimality.OneMinimal => ": none of them can be dropped alone, but not every schedule with fewer was tried",
            Minimality.Unproven => ": the minimization budget ran out before fewer were all tried",
            _ => string.Empty,
        };
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"(The failing schedule {what}{how}.)");
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(line => "  " + line.TrimEnd('\r')));
}
