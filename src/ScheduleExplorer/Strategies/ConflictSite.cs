using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>A point as it is recognised from one iteration to the next: its source site and, for a memory access, its location.</summary>
/// <param name="Site">The source site.</param>
/// <param name="Location">The location accessed, or null for a synchronization point (its resource is new in every iteration).</param>
internal readonly record struct ConflictSite(string Site, string? Location)
{
    /// <summary>Whether <paramref name="point"/> is at this site.</summary>
    public bool Matches(in PendingPoint point) =>
        string.Equals(point.Site, Site, StringComparison.Ordinal) && (Location is null || string.Equals(point.Target, Location, StringComparison.Ordinal));
}
