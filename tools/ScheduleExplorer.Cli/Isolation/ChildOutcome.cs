namespace ScheduleExplorer.Cli.Isolation;

/// <summary>How an isolated child ended: its exit code, what it streamed, and what it wrote to its standard error itself.</summary>
internal sealed record ChildOutcome(int ExitCode, StreamedSchedule Schedule, IReadOnlyList<string> ErrorLines);
