namespace ScheduleExplorer.Workloads.Memory;

/// <summary>A struct stored inside arrays and statics, so its field is updated through an address.</summary>
internal struct SharedCell
{
    /// <summary>The counter.</summary>
    public int Value;
}
