using System.Text;

namespace ScheduleExplorer.Detection;

/// <summary>
/// Explains a deadlock Coffman-style: the wait-for cycle (who holds what, who waits for what, where),
/// then every blocked operation. Works on plain data (<see cref="BlockedOperation"/>) the runtime
/// builds; resource names may call user <c>ToString</c>, so the runtime builds it with control suspended.
/// </summary>
internal static class DeadlockAnalyzer
{
    public static BugReport Analyze(IReadOnlyList<BlockedOperation> blocked, IReadOnlyList<StrandedContinuation> stranded)
    {
        var cycle = FindCycle(blocked);
        var message = new StringBuilder("Deadlock: ");
        if (cycle.Count > 0)
        {
            message.Append(string.Join("; ", cycle.Select(DescribeEdge)));
            message.Append(" — a cycle");
        }
        else
        {
            message.Append(string.Join("; ", blocked.Select(DescribeEdge)));
            message.Append(" — and nothing can wake them");
        }

        var details = new StringBuilder();
        details.AppendLine(cycle.Count > 0 ? "Wait-for cycle:" : "No operation can run. Blocked operations:");
        foreach (var operation in cycle.Count > 0 ? cycle : blocked)
        {
            details.Append("  ").AppendLine(DescribeEdge(operation));
        }

        var others = blocked.Except(cycle).ToList();
        if (cycle.Count > 0 && others.Count > 0)
        {
            details.AppendLine("Also blocked:");
            foreach (var operation in others)
            {
                details.Append("  ").AppendLine(DescribeEdge(operation));
            }
        }

        foreach (var continuation in stranded)
        {
            // Sync-over-async: the flow's continuation sits in a context whose thread is blocked.
            string text = $"the continuation of '{continuation.Flow}'{(continuation.Site is { } at ? $" (await at {at})" : string.Empty)} was posted to {continuation.ContextName} and never ran: the operation that runs that context is blocked (sync-over-async; ConfigureAwait(false) or awaiting instead of blocking avoids it)";
            message.Append("; ").Append(text);
            details.AppendLine().Append("  ").Append(text);
        }

        // Who is stuck in the cycle (or at all) and where, in an order that does not depend on who
        // blocked first; not the resources' names, which some resources take from the order of first use.
        IReadOnlyList<BlockedOperation> stuck = cycle.Count > 0 ? cycle : blocked;
        var signature = stuck.Select(o => $"'{o.Name}' {o.Kind} at {o.Site}").Order(StringComparer.Ordinal);
        return new BugReport(BugKind.Deadlock, message.ToString(), details.ToString().TrimEnd(), stuck.FirstOrDefault()?.Name)
        {
            Signature = string.Join("; ", signature),
            Deadlock = new DeadlockFacts { Cycle = cycle.Count > 0, Edges = [.. stuck.Select(Edge)] },
        };
    }

    private static WaitForEdge Edge(BlockedOperation operation) => new()
    {
        Operation = operation.Name,
        Holds = [.. operation.Holds],
        WaitsFor = operation.WaitsFor,
        HeldBy = operation.HeldBy,
        Site = operation.Site,
    };

    /// <summary>"'philosopher 0' holds fork 0, waits for fork 1 (held by 'philosopher 1') at Philosophers.cs:42".</summary>
    private static string DescribeEdge(BlockedOperation operation)
    {
        var text = new StringBuilder($"'{operation.Name}'");
        if (operation.Holds.Count > 0)
        {
            text.Append(" holds ").Append(string.Join(", ", operation.Holds));
            text.Append(',');
        }

        if (operation.WaitsFor is not { } resource)
        {
            text.Append(" sleeps forever");
        }
        else
        {
            text.Append(' ').Append(operation.Verb).Append(' ').Append(resource);
            if (operation.HeldBy is { } owner)
            {
                text.Append($" (held by '{owner}')");
            }
        }

        if (operation.Site is { } site)
        {
            text.Append(" at ").Append(site);
        }

        return text.ToString();
    }

    private static List<BlockedOperation> FindCycle(IReadOnlyList<BlockedOperation> blocked)
    {
        var byId = blocked.ToDictionary(o => o.Id);
        foreach (var start in blocked)
        {
            var path = new List<BlockedOperation>();
            BlockedOperation? current = start;
            while (current is not null && !path.Contains(current))
            {
                path.Add(current);
                current = current.OwnerId is { } owner ? byId.GetValueOrDefault(owner) : null;
            }

            if (current is not null)
            {
                var cycle = path.Skip(path.IndexOf(current)).ToList();
                int first = cycle.IndexOf(cycle.MinBy(o => o.Id)!);
                return [.. cycle.Skip(first), .. cycle.Take(first)];
            }
        }

        return [];
    }
}
