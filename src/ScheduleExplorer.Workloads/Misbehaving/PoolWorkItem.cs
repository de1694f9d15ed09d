namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>A thread-pool work item that increments the tally and then signals completion.</summary>
internal sealed class PoolWorkItem
{
    private readonly Tally _tally;
    private readonly ManualResetEventSlim _done;

    /// <summary>Creates the work item.</summary>
    public PoolWorkItem(Tally tally, ManualResetEventSlim done)
    {
        _tally = tally;
        _done = done;
    }

    /// <summary>The <see cref="WaitCallback"/> run by the thread pool.</summary>
    public void Run(object? state)
    {
        _tally.Increment();
        _done.Set();
    }
}
