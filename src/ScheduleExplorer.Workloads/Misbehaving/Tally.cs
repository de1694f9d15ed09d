namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>A plain, unsynchronized counter shared by the misbehaving samples.</summary>
internal sealed class Tally
{
    private int _count;

    /// <summary>The count; read it after the writers finished.</summary>
    public int Count => _count;

    /// <summary>Racy read-modify-write (ldfld / add / stfld): increments can be lost under concurrency.</summary>
    public void Increment()
    {
        _count += 1;
    }
}
