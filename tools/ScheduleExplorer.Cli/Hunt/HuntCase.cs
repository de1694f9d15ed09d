namespace ScheduleExplorer.Cli.Hunt;

/// <summary>One bundled workload and what exploring it must show.</summary>
/// <param name="Workload">"Type.Method", a unique suffix of the test method's full name.</param>
/// <param name="ExpectBug">True for the bugs, false for the fixes.</param>
internal sealed record HuntCase(string Workload, bool ExpectBug);
