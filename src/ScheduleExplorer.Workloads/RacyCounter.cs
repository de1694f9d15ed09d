namespace ScheduleExplorer.Workloads;

/// <summary>
/// The bug: an unsynchronized read-modify-write on a plain field. <c>_count += 1</c> compiles to
/// ldfld / add / stfld, so two threads can read the same value and one increment is lost.
/// </summary>
internal sealed class RacyCounter : ICounter
{
    private long _count;

    /// <inheritdoc />
    public long Total => _count;

    /// <inheritdoc />
    public void Increment(int worker)
    {
        _count += 1;
    }
}
