using System.Text.Json.Serialization;

namespace ScheduleExplorer.Detection;

/// <summary>One blocked operation of a deadlock: what it holds, what it waits for, who holds that, and where it waits.</summary>
public sealed record WaitForEdge
{
    /// <summary>The blocked operation's name.</summary>
    public required string Operation { get; init; }

    /// <summary>The locks, monitors and permits it holds, in acquisition order.</summary>
    public required IReadOnlyList<string> Holds { get; init; }

    /// <summary>The resource it waits for ("fork 1", "task 'load'"), or null when it sleeps forever.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WaitsFor { get; init; }

    /// <summary>The operation holding that resource, if one does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HeldBy { get; init; }

    /// <summary>Where it waits ("Philosopher.cs:81").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Site { get; init; }

    /// <summary>Whether <paramref name="other"/> is the same edge.</summary>
    public bool SameAs(WaitForEdge other) =>
        Operation == other.Operation && Holds.SequenceEqual(other.Holds) && WaitsFor == other.WaitsFor && HeldBy == other.HeldBy && Site == other.Site;
}
