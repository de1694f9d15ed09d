namespace ScheduleExplorer.Runtime;

/// <summary>The counts of an iteration an outcome reports, kept from its decisions: context switches and preemptions.</summary>
internal sealed class ExecutionMetrics : IExecutionObserver
{
    /// <summary>Decisions that let another operation run.</summary>
    public int Switches { get; private set; }

    /// <summary>Switches away from an operation that could have gone on.</summary>
    public int Preemptions { get; private set; }

    public void OnIterationStarted()
    {
        Switches = 0;
        Preemptions = 0;
    }

    public void OnDecision(in DecisionEvent decision)
    {
        if (decision.IsSwitch)
        {
            Switches++;
        }

        if (decision.IsPreemption)
        {
            Preemptions++;
        }
    }
}
