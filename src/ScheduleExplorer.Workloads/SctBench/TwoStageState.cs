namespace ScheduleExplorer.Workloads.SctBench;

/// <summary>The shared state of one <see cref="TwoStage"/> run: two values, each behind its own lock.</summary>
internal sealed class TwoStageState
{
    private readonly object _data1Lock = new();
    private readonly object _data2Lock = new();
    private int _data1;
    private int _data2;

    /// <summary>The writer of the bug: two separate critical sections.</summary>
    public void WriteStages()
    {
        lock (_data1Lock)
        {
            _data1 = 1;
        }

        lock (_data2Lock)
        {
            _data2 = _data1 + 1;
        }
    }

    /// <summary>The writer of the fix: the second stage is written before the first lock is let go.</summary>
    public void WriteBothStagesAtomically()
    {
        lock (_data1Lock)
        {
            _data1 = 1;
            lock (_data2Lock)
            {
                _data2 = _data1 + 1;
            }
        }
    }

    /// <summary>The reader: when the first stage is visible, the second must be too.</summary>
    /// <exception cref="InvalidOperationException">It saw the first stage without the second.</exception>
    public void Check()
    {
        int first;
        lock (_data1Lock)
        {
            if (_data1 == 0)
            {
                return;
            }

            first = _data1;
        }

        int second;
        lock (_data2Lock)
        {
            second = _data2;
        }

        if (second != first + 1)
        {
            throw new InvalidOperationException($"Two-stage update seen half done: data1 = {first} but data2 = {second}.");
        }
    }
}
