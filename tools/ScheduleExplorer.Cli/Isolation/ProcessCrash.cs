using System.Globalization;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Isolation;

/// <summary>
/// Turns an isolated child that ended the process into a bug: "the workload ended the process with
/// exit code 134 (SIGABRT, Stack overflow.) at step 41 in 'main'", with the trace rebuilt from the
/// schedule the child streamed up to its end.
/// </summary>
internal static class ProcessCrash
{
    private static readonly string[] s_causes = ["Stack overflow.", "Unhandled exception.", "Fatal error.", "Process terminated."];

    /// <summary>The crash's trace bug: kind, message, operation and step, as a replay compares them.</summary>
    public static TraceBug Bug(ChildOutcome outcome)
    {
        var steps = outcome.Schedule.Steps;
        string operation = OperationName(outcome.Schedule, steps.Count == 0 ? 0 : steps[^1].IsDataChoice ? steps[^1].By : steps[^1].Next);
        string message = string.Create(CultureInfo.InvariantCulture, $"the workload ended the process with exit code {outcome.ExitCode}{Cause(outcome)} at step {steps.Count} in '{operation}'");
        return new TraceBug { Kind = BugKind.ProcessCrash.ToString(), Message = message, Operation = operation, Step = steps.Count };
    }

    /// <summary>
    /// The error for a child that ended the process before its first iteration: "the test process ended
    /// with exit code 134 (SIGABRT) before exploring: …" (<paramref name="process"/> "test", <paramref name="before"/> "exploring").
    /// </summary>
    public static WorkloadException EndedBeforeStart(ChildOutcome outcome, string process, string before) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the {process} process ended with exit code {outcome.ExitCode}{Cause(outcome)} before {before}{(outcome.ErrorLines.Count > 0 ? ": " + outcome.ErrorLines[^1] : ".")}"));

    /// <summary>The trace of the crashing schedule, for the run described by <paramref name="configuration"/>.</summary>
    public static ScheduleTrace Trace(ChildOutcome outcome, TestConfiguration configuration, TraceBug bug)
    {
        var schedule = outcome.Schedule;
        int operations = Math.Max(schedule.Operations.Count, 1 + schedule.Steps.Select(s => Math.Max(s.By, s.Next)).DefaultIfEmpty(0).Max());
        return new ScheduleTrace
        {
            Harness = $"ScheduleExplorer {typeof(TestingEngine).Assembly.GetName().Version?.ToString(3)}",
            Assembly = schedule.Assembly,
            Mvid = schedule.Mvid,
            Method = schedule.Method,
            Strategy = schedule.Strategy,
            Seed = configuration.Seed,
            Iteration = schedule.Iteration,
            Options = new TraceSettings { MaxSteps = configuration.MaxSteps, FailOnMaxSteps = configuration.FailOnMaxSteps, MemoryAccessPoints = configuration.MemoryAccessPoints },
            Bug = bug,
            Operations = [.. Enumerable.Range(0, operations).Select(id => OperationName(schedule, id))],
            Steps = [.. schedule.Steps.Select(TraceStep.From)],
        };
    }

    /// <summary>The bug report: the message, and what the child wrote to its standard error as details.</summary>
    public static BugReport Report(ChildOutcome outcome, TraceBug bug)
    {
        string details = outcome.ErrorLines.Count == 0
            ? "The process wrote nothing to its standard error before it ended."
            : "What the process wrote to its standard error:\n" + string.Join('\n', outcome.ErrorLines);
        if (outcome.Schedule.Overflowed)
        {
            details += "\n(The schedule was longer than the stream holds: the trace is cut short and may not replay.)";
        }

        return new BugReport(BugKind.ProcessCrash, bug.Message, details, bug.Operation);
    }

    private static string OperationName(StreamedSchedule schedule, int id) =>
        id >= 0 && id < schedule.Operations.Count ? schedule.Operations[id] : string.Create(CultureInfo.InvariantCulture, $"operation {id}");

    /// <summary>" (SIGABRT, Stack overflow.)": the signal, and the runtime's own first word on why, when it gave one.</summary>
    private static string Cause(ChildOutcome outcome)
    {
        var parts = new List<string>();
        if (Signal(outcome.ExitCode) is { } signal)
        {
            parts.Add(signal);
        }

        string? said = outcome.ErrorLines.Select(l => l.Trim()).FirstOrDefault(l => s_causes.Any(c => l.StartsWith(c, StringComparison.Ordinal)));
        if (said is not null)
        {
            parts.Add(said.Length > 160 ? said[..160] + "…" : said);
        }

        return parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})";
    }

    /// <summary>The signal a shell-style exit code (128 + n) stands for.</summary>
    private static string? Signal(int exitCode) => exitCode switch
    {
        128 + 4 => "SIGILL",
        128 + 6 => "SIGABRT",
        128 + 7 => "SIGBUS",
        128 + 8 => "SIGFPE",
        128 + 9 => "SIGKILL",
        128 + 11 => "SIGSEGV",
        128 + 15 => "SIGTERM",
        > 128 and < 128 + 65 => string.Create(CultureInfo.InvariantCulture, $"signal {exitCode - 128}"),
        _ => null,
    };
}
