using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Testing;

/// <summary>
/// The minimization pass for a deadlock's wait-for cycle, tried first: one schedule per member of
/// the cycle (<see cref="CycleDirectedStrategy"/>) in which that member takes its resource and is
/// preempted where it waits (the first time it gets there, then the second), and then, round the cycle backwards, each member that waits for what the
/// last one took runs until it blocks. A cycle of locks of any length deadlocks so with one
/// preemption — five philosophers each holding one fork included, which preemption removal from a
/// random schedule leaves at two to six (each remaining preemption needed where the others stand).
/// The first schedule that shows the same bug with fewer preemptions is kept; the bounded search then
/// proves the count.
/// </summary>
internal static class ScheduleMinimizerCycles
{
    public static IterationOutcome Shrink(ScheduleMinimizerRuns runs, IterationOutcome failing, int maxRuns)
    {
        if (failing.Bug?.Deadlock is not { Cycle: true, Edges: { Count: > 1 } edges } || failing.Preemptions <= 1)
        {
            return failing;
        }

        var ids = new int[edges.Count];
        for (int i = 0; i < edges.Count; i++)
        {
            ids[i] = IdOf(failing.Operations, edges[i].Operation);
            if (ids[i] < 0)
            {
                return failing;
            }
        }

        // Preempted the first time it gets where it waits, then (one site for both locks of a line) the second time.
        for (int candidate = 0; candidate < Math.Min(2 * edges.Count, maxRuns); candidate++)
        {
            int first = candidate % edges.Count;
            // The member whose resource the last one holds waits one place before it in the cycle.
            var order = new int[edges.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = ids[(first - i + edges.Count) % edges.Count];
            }

            var strategy = new CycleDirectedStrategy(order, edges[first].Site, arrival: 1 + (candidate / edges.Count));
            if (runs.TryRun(strategy, out var outcome) && outcome.Preemptions < failing.Preemptions)
            {
                return outcome;
            }
        }

        return failing;
    }

    /// <summary>The id of the only operation named <paramref name="name"/>, or −1 when none or several are.</summary>
    private static int IdOf(IReadOnlyList<string> operations, string name)
    {
        int found = -1;
        for (int id = 0; id < operations.Count; id++)
        {
            if (string.Equals(operations[id], name, StringComparison.Ordinal))
            {
                if (found >= 0)
                {
                    return -1;
                }

                found = id;
            }
        }

        return found;
    }
}
