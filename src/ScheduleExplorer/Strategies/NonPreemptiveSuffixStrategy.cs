using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Replays a recorded prefix exactly, then takes one different decision — the operation that
/// reached the point keeps running instead of being preempted. After it, a guided suffix follows
/// the recorded choice at each later step when that operation is enabled; an unguided one never
/// preempts (the running operation continues while enabled, else the lowest enabled id). Data
/// choices after the prefix replay the recorded values in order while they last. The minimizer
/// uses it to try a schedule with one preemption fewer.
/// </summary>
internal sealed class NonPreemptiveSuffixStrategy : ISchedulingStrategy
{
    private readonly IReadOnlyList<ScheduleStep> _steps;
    private readonly int _prefix;
    private readonly bool _guided;
    private int _index;
    private int _dataIndex;

    public NonPreemptiveSuffixStrategy(IReadOnlyList<ScheduleStep> steps, int prefix, bool guided)
    {
        _steps = steps;
        _prefix = prefix;
        _guided = guided;
    }

    public string Name => "minimize";

    public bool PrepareIteration(int iteration)
    {
        _index = 0;
        _dataIndex = _prefix;
        return iteration == 0;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        if (_index < _prefix)
        {
            var step = _steps[_index++];
            if (step.Kind != kind || step.By != current || !enabled.Contains(step.Next))
            {
                throw new ScheduleDivergenceException(_index, "the minimizer's prefix no longer matches the run.");
            }

            return step.Next;
        }

        int index = _index++;
        if (_guided && index > _prefix && index < _steps.Count && !_steps[index].IsDataChoice && enabled.Contains(_steps[index].Next))
        {
            return _steps[index].Next;
        }

        return enabled.Contains(current) ? current : enabled[0];
    }

    public bool NextBoolean(int current) => NextData() != 0;

    public int NextInteger(int current, int maxValue) => Math.Clamp(NextData(), 0, Math.Max(0, maxValue - 1));

    private int NextData()
    {
        if (_index < _prefix)
        {
            return _steps[_index++].Value;
        }

        while (_dataIndex < _steps.Count && !_steps[_dataIndex].IsDataChoice)
        {
            _dataIndex++;
        }

        return _dataIndex < _steps.Count ? _steps[_dataIndex++].Value : 0;
    }
}
