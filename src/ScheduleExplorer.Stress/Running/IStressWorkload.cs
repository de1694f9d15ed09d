namespace ScheduleExplorer.Stress.Running;

/// <summary>One workload a real run repeats: its name, how much work one repetition does, and the repetition itself.</summary>
public interface IStressWorkload
{
    /// <summary>The name printed in reports: "Namespace.Type.Method(4, 1000000)".</summary>
    string Name { get; }

    /// <summary>Operations one repetition performs (threads × size for a sized entry), or null when unknown.</summary>
    long? OperationsPerRepetition { get; }

    /// <summary>Runs one repetition on real threads and says whether its invariant held.</summary>
    /// <remarks>An exception thrown by the workload is its invariant breaking; implementations turn it into the outcome.</remarks>
    RepetitionOutcome Run();
}
