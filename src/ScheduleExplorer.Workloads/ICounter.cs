namespace ScheduleExplorer.Workloads;

/// <summary>A shared counter incremented by several worker threads; one implementation per synchronization strategy.</summary>
internal interface ICounter
{
    /// <summary>Adds one on behalf of worker <paramref name="worker"/> (only striped counters use the index).</summary>
    void Increment(int worker);

    /// <summary>The count; read only after every worker was joined, so no synchronization is needed here.</summary>
    long Total { get; }
}
