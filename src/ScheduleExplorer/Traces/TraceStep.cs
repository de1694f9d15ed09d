using System.Text.Json.Serialization;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Traces;

/// <summary>One step as stored in a trace file (short property names keep long traces readable).</summary>
public sealed record TraceStep
{
    /// <summary>The scheduling point kind, or a data choice kind.</summary>
    [JsonPropertyName("kind")]
    public required SchedulingPointKind Kind { get; init; }

    /// <summary>The operation that reached the point (or made the choice).</summary>
    [JsonPropertyName("by")]
    public required int By { get; init; }

    /// <summary>The operation chosen to run next (scheduling points only).</summary>
    [JsonPropertyName("next")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Next { get; init; }

    /// <summary>The value chosen (data choices only).</summary>
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Value { get; init; }

    /// <summary>Where in the source the point was reached.</summary>
    [JsonPropertyName("site")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Site { get; init; }

    /// <summary>The shared location or the thread involved, when known.</summary>
    [JsonPropertyName("target")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Target { get; init; }

    /// <summary>Converts a runtime step.</summary>
    public static TraceStep From(ScheduleStep step) => new()
    {
        Kind = step.Kind,
        By = step.By,
        Next = step.IsDataChoice ? null : step.Next,
        Value = step.IsDataChoice ? step.Value : null,
        Site = step.Site,
        Target = step.Target,
    };

    /// <summary>Converts back to a runtime step.</summary>
    public ScheduleStep ToScheduleStep() => new(Kind, By, Next ?? By, Value ?? 0, Site, Target);
}
