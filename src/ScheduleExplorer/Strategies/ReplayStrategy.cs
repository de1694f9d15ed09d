using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Follows a recorded schedule step by step, checking at every point that the same operation
/// reached the same kind of point; on divergence it stops with the step number, the expected and
/// the actual point.
/// </summary>
internal sealed class ReplayStrategy : ISchedulingStrategy
{
    private readonly IReadOnlyList<ScheduleStep> _steps;
    private int _index;

    public ReplayStrategy(IReadOnlyList<ScheduleStep> steps) => _steps = steps;

    public string Name => "replay";

    /// <summary>The number of recorded steps not consumed yet.</summary>
    public int Remaining => _steps.Count - _index;

    /// <summary>The 1-based number of the step about to be replayed, for a debugger break.</summary>
    public int NextStepNumber => _index + 1;

    public bool PrepareIteration(int iteration)
    {
        _index = 0;
        return iteration == 0;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        var step = Take(kind, current, site);
        if (!enabled.Contains(step.Next))
        {
            throw new ScheduleDivergenceException(
                _index,
                $"the trace runs op {step.Next} next, but it is not enabled (enabled: {string.Join(", ", enabled.ToArray())}).");
        }

        return step.Next;
    }

    public bool NextBoolean(int current) => Take(SchedulingPointKind.RandomBoolean, current, null).Value != 0;

    public int NextInteger(int current, int maxValue)
    {
        var step = Take(SchedulingPointKind.RandomInteger, current, null);
        if (step.Value < 0 || step.Value >= Math.Max(1, maxValue))
        {
            throw new ScheduleDivergenceException(_index, $"the trace chose {step.Value}, outside [0, {maxValue}).");
        }

        return step.Value;
    }

    private ScheduleStep Take(SchedulingPointKind kind, int current, string? site)
    {
        if (_index >= _steps.Count)
        {
            throw new ScheduleDivergenceException(
                _index + 1,
                $"the trace has only {_steps.Count} steps, but op {current} reached a {kind} point{At(site)}.");
        }

        var step = _steps[_index++];
        if (!(step.Kind == kind || (step.Kind.IsBooleanChoice() && kind.IsBooleanChoice())) || step.By != current)
        {
            throw new ScheduleDivergenceException(
                _index,
                $"expected {step.Kind} by op {step.By}{At(step.Site)}, but got {kind} by op {current}{At(site)}.");
        }

        return step;
    }

    private static string At(string? site) => site is null ? string.Empty : $" at {site}";
}
