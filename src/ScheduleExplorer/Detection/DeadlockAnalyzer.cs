using System.Text;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Detection;

/// <summary>
/// Explains a deadlock Coffman-style: the wait-for cycle (who holds what, who waits for what, where),
/// then every blocked operation. Resource names may call user <c>ToString</c>, so the scheduler runs
/// this with control suspended.
/// </summary>
internal static class DeadlockAnalyzer
{
    public static BugReport Analyze(IReadOnlyList<ControlledOperation> operations, IReadOnlyList<PostedContinuation>? posted = null)
    {
        var blocked = operations.Where(o => o.Status == OperationStatus.Blocked).ToList();
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

        foreach (var stranded in posted?.Where(p => !p.Ran) ?? [])
        {
            // Sync-over-async: the flow's continuation sits in a context whose thread is blocked.
            string text = $"the continuation of '{stranded.Flow}'{(stranded.Site is { } at ? $" (await at {at})" : string.Empty)} was posted to {stranded.ContextName} and never ran: the operation that runs that context is blocked (sync-over-async; ConfigureAwait(false) or awaiting instead of blocking avoids it)";
            message.Append("; ").Append(text);
            details.AppendLine().Append("  ").Append(text);
        }

        // Who is stuck in the cycle (or at all) and where, in an order that does not depend on who
        // blocked first; not the resources' names, which some resources take from the order of first use.
        var signature = (cycle.Count > 0 ? cycle : blocked).Select(o => $"'{o.Name}' {o.BlockKind} at {o.BlockSite}").Order(StringComparer.Ordinal);
        return new BugReport(BugKind.Deadlock, message.ToString(), details.ToString().TrimEnd(), cycle.FirstOrDefault()?.Name ?? blocked.FirstOrDefault()?.Name)
        {
            Signature = string.Join("; ", signature),
            Deadlock = new DeadlockFacts { Cycle = cycle.Count > 0, Edges = [.. (cycle.Count > 0 ? cycle : blocked).Select(Edge)] },
        };
    }

    private static WaitForEdge Edge(ControlledOperation operation) => new()
    {
        Operation = operation.Name,
        Holds = [.. operation.Held.Select(r => r.Name)],
        WaitsFor = operation.BlockedOn?.Name,
        HeldBy = operation.BlockedOn?.Owner is { } owner && !ReferenceEquals(owner, operation) && operation.BlockedOn is not CompletionResource ? owner.Name : null,
        Site = operation.BlockSite,
    };

    /// <summary>"'philosopher 0' holds fork 0, waits for fork 1 (held by 'philosopher 1') at Philosophers.cs:42".</summary>
    public static string DescribeEdge(ControlledOperation operation)
    {
        var text = new StringBuilder($"'{operation.Name}'");
        if (operation.Held.Count > 0)
        {
            text.Append(" holds ").Append(string.Join(", ", operation.Held.Select(r => r.Name)));
            text.Append(',');
        }

        var resource = operation.BlockedOn;
        if (resource is null)
        {
            text.Append(" sleeps forever");
        }
        else
        {
            text.Append(operation.AwaitingPulse ? " waits for a pulse on " : operation.BlockKind == SchedulingPointKind.Await ? " awaits " : " waits for ").Append(resource.Name);
            if (resource.Owner is { } owner && !ReferenceEquals(owner, operation))
            {
                text.Append(resource is CompletionResource ? string.Empty : $" (held by '{owner.Name}')");
            }
        }

        if (operation.BlockSite is { } site)
        {
            text.Append(" at ").Append(site);
        }

        return text.ToString();
    }

    private static List<ControlledOperation> FindCycle(List<ControlledOperation> blocked)
    {
        foreach (var start in blocked)
        {
            var path = new List<ControlledOperation>();
            var current = start;
            while (current is { Status: OperationStatus.Blocked } && !path.Contains(current))
            {
                path.Add(current);
                current = current.BlockedOn?.Owner;
            }

            if (current is not null && path.Contains(current))
            {
                var cycle = path.Skip(path.IndexOf(current)).ToList();
                int first = cycle.IndexOf(cycle.MinBy(o => o.Id)!);
                return [.. cycle.Skip(first), .. cycle.Take(first)];
            }
        }

        return [];
    }
}
