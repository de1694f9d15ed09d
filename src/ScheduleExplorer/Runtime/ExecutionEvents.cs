namespace ScheduleExplorer.Runtime;

/// <summary>
/// The typed stream of one scheduler's execution events — decisions and effects — and its
/// subscribers, called in subscription order. The scheduler publishes; metrics, the strategy's
/// reduction and watching tools subscribe, so none of them is a field or a call of the scheduler.
/// </summary>
internal sealed class ExecutionEvents
{
    private IExecutionObserver[] _observers = [];
    private IExecutionObserver[] _effectObservers = [];

    /// <summary>Whether some subscriber wants effects (otherwise <see cref="Effect"/> need not be called).</summary>
    public bool ObservesEffects => _effectObservers.Length > 0;

    /// <summary>Adds <paramref name="observer"/> (once).</summary>
    public void Subscribe(IExecutionObserver observer)
    {
        if (Array.IndexOf(_observers, observer) < 0)
        {
            _observers = [.. _observers, observer];
            Refresh();
        }
    }

    /// <summary>Removes <paramref name="observer"/> when subscribed.</summary>
    public void Unsubscribe(IExecutionObserver observer)
    {
        _observers = [.. _observers.Where(o => !ReferenceEquals(o, observer))];
        Refresh();
    }

    public void IterationStarted()
    {
        foreach (var observer in _observers)
        {
            observer.OnIterationStarted();
        }
    }

    public void Decision(in DecisionEvent decision)
    {
        foreach (var observer in _observers)
        {
            observer.OnDecision(decision);
        }
    }

    public void Effect(in EffectEvent effect)
    {
        foreach (var observer in _effectObservers)
        {
            observer.OnEffect(effect);
        }
    }

    private void Refresh() => _effectObservers = [.. _observers.Where(o => o.ObservesEffects)];
}
