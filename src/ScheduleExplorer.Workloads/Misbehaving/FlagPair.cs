namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Two flags in plain fields, each waited for by one thread and set by the other only after its own wait:
/// a circular busy-wait that never ends.
/// </summary>
internal sealed class FlagPair
{
    private bool _firstReady;
    private bool _secondReady;

    /// <summary>First thread: waits for the second flag, then would set the first.</summary>
    public void RunFirst()
    {
        // A plain ldfld in the loop: every iteration is a shared read, i.e. a scheduling point for the harness.
        while (!_secondReady)
        {
        }

        _firstReady = true;
    }

    /// <summary>Second thread: waits for the first flag, then would set the second.</summary>
    public void RunSecond()
    {
        while (!_firstReady)
        {
        }

        _secondReady = true;
    }
}
