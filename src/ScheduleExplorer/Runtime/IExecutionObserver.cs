namespace ScheduleExplorer.Runtime;

/// <summary>
/// A subscriber to the scheduler's <see cref="ExecutionEvents"/>: the run's metrics, the strategy's
/// partial-order reduction (through <see cref="StrategyMediator"/>), and any tool that watches a run.
/// Called on the one thread that runs, never concurrently; an observer must not call back into the scheduler.
/// </summary>
internal interface IExecutionObserver
{
    /// <summary>Whether it wants <see cref="OnEffect"/>: effects are recorded only when some observer does, so others pay nothing.</summary>
    bool ObservesEffects => false;

    /// <summary>An iteration (or a minimization's re-run of one) starts from a fresh state.</summary>
    void OnIterationStarted()
    {
    }

    /// <summary>The scheduler chose who runs next.</summary>
    void OnDecision(in DecisionEvent decision)
    {
    }

    /// <summary>The running step touched shared state.</summary>
    void OnEffect(in EffectEvent effect)
    {
    }
}
