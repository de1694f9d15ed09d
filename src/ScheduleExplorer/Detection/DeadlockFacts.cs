namespace ScheduleExplorer.Detection;

/// <summary>
/// A deadlock as data: the wait-for edges of the blocked operations, and whether they form a cycle
/// (then the edges are the cycle, from its lowest operation on). Stored in traces (<c>bug.deadlock</c>).
/// </summary>
public sealed record DeadlockFacts
{
    /// <summary>Whether the edges form a cycle; otherwise they are every blocked operation, and nothing can wake them.</summary>
    public required bool Cycle { get; init; }

    /// <summary>The edges.</summary>
    public required IReadOnlyList<WaitForEdge> Edges { get; init; }

    /// <summary>Whether <paramref name="other"/> states the same deadlock.</summary>
    public bool SameAs(DeadlockFacts? other) =>
        other is not null && Cycle == other.Cycle && Edges.Count == other.Edges.Count && Edges.Zip(other.Edges).All(p => p.First.SameAs(p.Second));
}
