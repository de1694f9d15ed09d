namespace ScheduleExplorer.Stress.Hangs;

/// <summary>Looks at every managed thread of a (hung) process: names, stacks, held and awaited locks.</summary>
public interface IThreadInspector
{
    /// <summary>Inspects process <paramref name="processId"/> (possibly the current one).</summary>
    /// <param name="processId">The process to inspect.</param>
    /// <param name="workloadAssembly">The workload's simple assembly name, to tell its threads apart; null for none.</param>
    /// <returns>The threads; on failure an inspection with <see cref="ThreadInspection.Error"/> set, never an exception.</returns>
    ThreadInspection Inspect(int processId, string? workloadAssembly);
}
