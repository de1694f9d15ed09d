namespace ScheduleExplorer.Stress.Hangs;

/// <summary>The watchdog fired: no repetition finished for <see cref="SilenceSeconds"/>; where every thread was.</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Repetition">The repetition that never finished (from 1; 0 for a warm-up).</param>
/// <param name="SilenceSeconds">Seconds since the last repetition finished (or the run started).</param>
/// <param name="ProcessId">The process the workload ran in.</param>
/// <param name="Inspection">The threads, as inspected before the run was ended.</param>
public sealed record HangReport(string Workload, int Repetition, double SilenceSeconds, int ProcessId, ThreadInspection Inspection)
{
    /// <summary>The threads stuck in the workload's own code.</summary>
    public IEnumerable<StuckThread> WorkloadThreads => Inspection.Threads.Where(t => t.InWorkload);
}
