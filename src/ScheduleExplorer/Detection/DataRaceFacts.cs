using System.Text.Json.Serialization;

namespace ScheduleExplorer.Detection;

/// <summary>
/// A data race as data: the memory and the two accesses nothing ordered, the one that reached its
/// access second first. Stored in traces (<c>bug.race</c>) so tools need not parse the message.
/// </summary>
public sealed record DataRaceFacts
{
    /// <summary>"Namespace.Type.field", or "T[]" for an array element.</summary>
    public required string Location { get; init; }

    /// <summary>The element's index, for an array element.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Index { get; init; }

    /// <summary>The two accesses.</summary>
    public required IReadOnlyList<RacingAccess> Accesses { get; init; }

    /// <summary>Whether <paramref name="other"/> states the same race.</summary>
    public bool SameAs(DataRaceFacts? other) =>
        other is not null && Location == other.Location && Index == other.Index && Accesses.SequenceEqual(other.Accesses);
}
