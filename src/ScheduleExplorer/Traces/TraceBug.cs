using System.Text.Json.Serialization;

namespace ScheduleExplorer.Traces;

/// <summary>
/// The bug a trace leads to, in a form that compares across runs: a replay reproduces it only when
/// kind, message, failing operation and step are all the same.
/// </summary>
public sealed record TraceBug
{
    /// <summary>The bug kind, such as "Deadlock".</summary>
    public required string Kind { get; init; }

    /// <summary>The one-line message.</summary>
    public required string Message { get; init; }

    /// <summary>The operation where the bug surfaced, when there is one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Operation { get; init; }

    /// <summary>The number of recorded steps when the bug surfaced (the trace's length; absent in older traces).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Step { get; init; }

    /// <summary>For a data race: the memory and the two accesses (absent in older traces).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Detection.DataRaceFacts? Race { get; init; }

    /// <summary>For a deadlock: the wait-for edges (absent in older traces).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Detection.DeadlockFacts? Deadlock { get; init; }

    /// <summary>"Deadlock 'philosopher 0' … by 'main' at step 41", for divergence messages.</summary>
    public string Describe()
    {
        string by = Operation is null ? string.Empty : $" in '{Operation}'";
        string at = Step is null ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" at step {Step}");
        return $"{Kind} ({Message}){by}{at}";
    }
}
