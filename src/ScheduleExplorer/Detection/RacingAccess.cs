using System.Text.Json.Serialization;

namespace ScheduleExplorer.Detection;

/// <summary>One of the two accesses of a data race: who was about to make it, at which step and where.</summary>
public sealed record RacingAccess
{
    /// <summary>The operation's name ("thread 1").</summary>
    public required string Operation { get; init; }

    /// <summary>The scheduling step (1-based, as in the trace) the operation was paused at, right before the access.</summary>
    public required int Step { get; init; }

    /// <summary>The source site ("File.cs:42").</summary>
    public required string Site { get; init; }

    /// <summary>"read" or "write".</summary>
    public required string Access { get; init; }

    /// <summary>"'thread 1' write at File.cs:42 (step 17)".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{Operation}' {Access} at {Site} (step {Step})");

    [JsonIgnore]
    internal bool IsWrite => Access == "write";
}
