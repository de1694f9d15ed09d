namespace ScheduleExplorer.Cli.Isolation;

/// <summary>How an isolated child ended: its exit code, what it streamed, and the last lines of its standard error.</summary>
internal sealed record ChildOutcome(int ExitCode, StreamedSchedule Schedule, IReadOnlyList<string> ErrorTail);
