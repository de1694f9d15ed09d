using System.Runtime.InteropServices;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// Stands between the scheduler and the strategy: asks it for every decision and data choice,
/// records each as a schedule step, hands step effects (it subscribes to the scheduler's
/// <see cref="ExecutionEvents"/> for them) to strategies that reduce by partial order, and turns a
/// strategy's divergence into a flag the scheduler ends the iteration on.
/// </summary>
internal sealed class StrategyMediator : IExecutionObserver
{
    // The schedule buffer of the last mediator released: an exploration creates a scheduler per run,
    // and a run of long iterations would otherwise grow a fresh list to thousands of steps each time.
    private static List<ScheduleStep>? s_spareSchedule;

    private readonly ISchedulingStrategy _strategy;
    private readonly IStepEffectsObserver? _observer;
    private readonly List<StepEffect> _effects = [];
    private readonly IScheduleSink? _sink;
    private List<ScheduleStep> _schedule;

    public StrategyMediator(ISchedulingStrategy strategy, IScheduleSink? sink = null)
    {
        _strategy = strategy;
        _sink = sink;
        _observer = strategy as IStepEffectsObserver;
        _schedule = Interlocked.Exchange(ref s_spareSchedule, null) ?? [];
        _schedule.Clear();
    }

    /// <summary>Whether the strategy observes step effects (partial-order reduction).</summary>
    public bool ObservesEffects => _observer is not null;

    /// <summary>Why the run left a recorded schedule, once it has.</summary>
    public string? Divergence { get; private set; }

    public IReadOnlyList<ScheduleStep> Schedule => _schedule;

    /// <summary>Gives the schedule buffer to the next mediator of the process; this one records nothing more.</summary>
    public void Release()
    {
        var schedule = _schedule;
        _schedule = [];
        schedule.Clear();
        Volatile.Write(ref s_spareSchedule, schedule);
    }

    public void Clear()
    {
        _schedule.Clear();
        _effects.Clear();
        Divergence = null;
    }

    /// <summary>Records what the running step did, for a strategy that observes effects.</summary>
    public void OnEffect(in EffectEvent effect) => Note(effect.Effect);

    /// <summary>The operation to run next, or -1 when the strategy diverged from its recorded schedule.</summary>
    public int ChooseOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, string? target, PendingPoints pending)
    {
        if (_observer is not null)
        {
            _observer.OnStepEffects(CollectionsMarshal.AsSpan(_effects));
            _effects.Clear();
        }

        int chosen;
        try
        {
            chosen = _strategy.NextOperation(enabled, current, kind, site, pending);
        }
        catch (ScheduleDivergenceException e)
        {
            Divergence ??= e.Message;
            return -1;
        }

        Record(new ScheduleStep(kind, current, chosen, 0, site, target));
        return chosen;
    }

    /// <summary>A data choice in [0, <paramref name="maxValue"/>); null when the strategy diverged.</summary>
    public int? ChooseInteger(int current, int maxValue, string? site) =>
        ChooseData(SchedulingPointKind.RandomInteger, current, site, () => _strategy.NextInteger(current, maxValue));

    /// <summary>A boolean data choice; null when the strategy diverged.</summary>
    public bool? ChooseBoolean(int current, string? site) =>
        ChooseData(SchedulingPointKind.RandomBoolean, current, site, () => _strategy.NextBoolean(current) ? 1 : 0) is { } value ? value == 1 : null;

    /// <summary>Whether a load at <paramref name="site"/> sees the value from before a buffered store to <paramref name="location"/>; null when the strategy diverged.</summary>
    public bool? ChooseStale(int current, string? site, string location) =>
        ChooseData(SchedulingPointKind.StaleRead, current, site, () => _strategy.NextBoolean(current) ? 1 : 0, location) is { } value ? value == 1 : null;

    private int? ChooseData(SchedulingPointKind kind, int current, string? site, Func<int> choose, string? target = null)
    {
        Note(new StepEffect(StepEffect.Everything, IsWrite: true));
        int value;
        try
        {
            value = choose();
        }
        catch (ScheduleDivergenceException e)
        {
            Divergence ??= e.Message;
            return null;
        }

        Record(new ScheduleStep(kind, current, current, value, site, target));
        return value;
    }

    private void Note(in StepEffect effect)
    {
        if (_observer is not null)
        {
            _effects.Add(effect);
        }
    }

    private void Record(in ScheduleStep step)
    {
        _schedule.Add(step);
        _sink?.StepRecorded(step);
    }
}
