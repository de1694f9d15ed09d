using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Traces;

/// <summary>
/// Checks the values of a parsed trace that JSON types alone do not bound: counts and indices in
/// range, known step kinds, a bug with a plausible step. Each failure is one line.
/// </summary>
internal static class TraceValidator
{
    /// <summary>Throws <see cref="TraceFormatException"/> naming the first invalid value of <paramref name="trace"/>.</summary>
    public static void Validate(ScheduleTrace trace, string source)
    {
        Check(!string.IsNullOrWhiteSpace(trace.Assembly), source, "the assembly name is empty");
        Check(!string.IsNullOrWhiteSpace(trace.Method), source, "the method name is empty");
        Check(trace.Strategy is not null && trace.Harness is not null, source, "the strategy or harness is missing");
        Check(trace.Iteration is >= 0 and < int.MaxValue, source, $"iteration {trace.Iteration} is out of range");
        Check(trace.Preemptions >= 0, source, $"preemptions {trace.Preemptions} is negative");
        Check(trace.Options is not null && trace.Options.MaxSteps >= 1, source, "options.maxSteps must be at least 1");
        Check(trace.Operations is { Count: > 0 } && trace.Operations.All(name => name is not null), source, "operations must be a non-empty list of names");
        Check(trace.Steps is not null && trace.Steps.All(step => step is not null), source, "empty document or null step");
        if (trace.Bug is { } bug)
        {
            Check(bug.Kind is not null && bug.Message is not null, source, "the bug has no kind or message");
            Check(bug.Step is null or >= 0, source, $"the bug's step {bug.Step} is negative");
            Check(bug.Race is null || (bug.Race.Location is not null && bug.Race.Accesses is { Count: 2 } accesses && accesses.All(a => a is { Operation: not null, Site: not null, Step: >= 1, Access: "read" or "write" })), source, "the bug's race must name a location and two accesses (operation, step of at least 1, site, read or write)");
            Check(bug.Deadlock is null || (bug.Deadlock.Edges is { Count: > 0 } edges && edges.All(e => e is { Operation: not null, Holds: not null } && e.Holds.All(h => h is not null))), source, "the bug's deadlock must list its wait-for edges, each with an operation and what it holds");
        }

        for (int i = 0; i < trace.Steps!.Count; i++)
        {
            var step = trace.Steps[i];
            Check(Enum.IsDefined(step.Kind), source, $"step {i + 1} has an unknown kind {(int)step.Kind}");
            bool operationsInRange = step.By >= 0 && step.By < trace.Operations!.Count
                && (step.Next is null || (step.Next >= 0 && step.Next < trace.Operations.Count));
            Check(operationsInRange, source, $"step {i + 1} names an operation outside 0..{trace.Operations!.Count - 1}");
            Check(step.Kind.IsDataChoice() ? step.Next is null : step.Value is null, source, $"step {i + 1} mixes a scheduling choice (next) and a data choice (value)");
        }
    }

    private static void Check(bool condition, string source, string reason)
    {
        if (!condition)
        {
            throw new TraceFormatException($"{source} is not a valid trace: {reason}.");
        }
    }
}
