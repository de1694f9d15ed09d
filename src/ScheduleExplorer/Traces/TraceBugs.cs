namespace ScheduleExplorer.Traces;

/// <summary>Compares the bug a trace records with the bug a replay ended in.</summary>
public static class TraceBugs
{
    /// <summary>
    /// Whether <paramref name="actual"/> is the bug <paramref name="expected"/> records: same kind and
    /// message, and the same operation and step when the trace records them (older traces do not).
    /// </summary>
    public static bool Match(TraceBug? expected, TraceBug? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        return string.Equals(expected.Kind, actual.Kind, StringComparison.Ordinal)
            && string.Equals(expected.Message, actual.Message, StringComparison.Ordinal)
            && (expected.Operation is null || string.Equals(expected.Operation, actual.Operation, StringComparison.Ordinal))
            && (expected.Step is null || expected.Step == actual.Step)
            && (expected.Race is null || expected.Race.SameAs(actual.Race))
            && (expected.Deadlock is null || expected.Deadlock.SameAs(actual.Deadlock));
    }
}
