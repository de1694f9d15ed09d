using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Runs one iteration either by following a recorded schedule exactly or by a
/// <see cref="SchedulePlan"/>, and records the run as a plan either way. Under a plan the running
/// operation keeps running unless the plan preempts it at that point of its own (and the one it
/// preempts for is enabled); an operation that blocks or ends hands over as the plan says when that
/// operation is enabled, else to the lowest enabled id. Data choices take the plan's value for that
/// operation's choice, else 0. The minimizer uses it to take preemptions out of a failing schedule.
/// </summary>
internal sealed class PlannedScheduleStrategy : ISchedulingStrategy
{
    private readonly IReadOnlyList<ScheduleStep>? _follow;
    private readonly SchedulePlan? _plan;
    private readonly Dictionary<PlanPoint, int> _preemptions = [];
    private readonly List<int> _points = [];
    private readonly List<int> _choicePoints = [];
    private readonly List<KeyValuePair<PlanPoint, int>> _recordedPreemptions = [];
    private readonly Dictionary<PlanPoint, int> _recordedHandoffs = [];
    private readonly Dictionary<PlanPoint, int> _recordedChoices = [];
    private int _index;

    private PlannedScheduleStrategy(IReadOnlyList<ScheduleStep>? follow, SchedulePlan? plan)
    {
        _follow = follow;
        _plan = plan;
        if (plan is not null)
        {
            foreach (var (point, next) in plan.Preemptions)
            {
                _preemptions[point] = next;
            }
        }
    }

    /// <summary>Follows <paramref name="steps"/> exactly (diverging as a replay would) and records them as a plan.</summary>
    public static PlannedScheduleStrategy Following(IReadOnlyList<ScheduleStep> steps) => new(steps, plan: null);

    /// <summary>Runs <paramref name="plan"/> and records what actually ran.</summary>
    public static PlannedScheduleStrategy Running(SchedulePlan plan) => new(follow: null, plan);

    public string Name => "minimize";

    /// <summary>The iteration just run, as a plan.</summary>
    public SchedulePlan Recorded => new([.. _recordedPreemptions], new Dictionary<PlanPoint, int>(_recordedHandoffs), new Dictionary<PlanPoint, int>(_recordedChoices));

    public bool PrepareIteration(int iteration)
    {
        _index = 0;
        _points.Clear();
        _choicePoints.Clear();
        _recordedPreemptions.Clear();
        _recordedHandoffs.Clear();
        _recordedChoices.Clear();
        return iteration == 0;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        var point = new PlanPoint(current, Next(_points, current));
        bool currentEnabled = enabled.Contains(current);
        int chosen = _follow is not null ? Follow(enabled, current, kind) : Plan(enabled, current, currentEnabled, point);
        if (chosen != current)
        {
            if (currentEnabled)
            {
                _recordedPreemptions.Add(new(point, chosen));
            }
            else
            {
                _recordedHandoffs[point] = chosen;
            }
        }

        return chosen;
    }

    public bool NextBoolean(int current) => Choose(current, SchedulingPointKind.RandomBoolean, 2) != 0;

    public int NextInteger(int current, int maxValue) => Choose(current, SchedulingPointKind.RandomInteger, Math.Max(1, maxValue));

    private int Plan(ReadOnlySpan<int> enabled, int current, bool currentEnabled, PlanPoint point)
    {
        if (currentEnabled)
        {
            return _preemptions.TryGetValue(point, out int preemptFor) && enabled.Contains(preemptFor) ? preemptFor : current;
        }

        return _plan!.Handoffs.TryGetValue(point, out int handTo) && enabled.Contains(handTo) ? handTo : enabled[0];
    }

    private int Follow(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind)
    {
        var step = Take(kind, current);
        if (!enabled.Contains(step.Next))
        {
            throw new ScheduleDivergenceException(_index, "the failing schedule no longer runs the same way.");
        }

        return step.Next;
    }

    private int Choose(int current, SchedulingPointKind kind, int count)
    {
        var point = new PlanPoint(current, Next(_choicePoints, current));
        int value = _follow is not null
            ? Take(kind, current).Value
            : _plan!.Choices.TryGetValue(point, out int planned) ? planned : 0;
        value = Math.Clamp(value, 0, count - 1);
        _recordedChoices[point] = value;
        return value;
    }

    private ScheduleStep Take(SchedulingPointKind kind, int current)
    {
        if (_index >= _follow!.Count || !SameKind(_follow[_index].Kind, kind) || _follow[_index].By != current)
        {
            throw new ScheduleDivergenceException(_index + 1, "the failing schedule no longer runs the same way.");
        }

        return _follow[_index++];
    }

    /// <summary>Strategies choose booleans without knowing the kind the scheduler records (a random boolean or a stale read).</summary>
    private static bool SameKind(SchedulingPointKind recorded, SchedulingPointKind kind) =>
        recorded == kind || (recorded.IsBooleanChoice() && kind.IsBooleanChoice());

    private static int Next(List<int> counts, int operation)
    {
        while (counts.Count <= operation)
        {
            counts.Add(0);
        }

        return counts[operation]++;
    }
}
