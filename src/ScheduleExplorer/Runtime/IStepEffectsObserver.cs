namespace ScheduleExplorer.Runtime;

/// <summary>
/// Implemented by strategies that reduce by partial order (DFS with sleep sets): before each
/// decision they learn the effects of everything that ran since the previous decision.
/// </summary>
public interface IStepEffectsObserver
{
    /// <summary>The effects of the steps run since the last decision.</summary>
    void OnStepEffects(ReadOnlySpan<StepEffect> effects);
}
