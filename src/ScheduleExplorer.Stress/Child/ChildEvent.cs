using System.Text.Json.Serialization;

namespace ScheduleExplorer.Stress.Child;

/// <summary>
/// One line of the child process's protocol on its standard output (JSON, one object per line):
/// <c>ready</c> once the entry is resolved, <c>end</c> after each repetition, <c>input-error</c> when the
/// entry or its sizes are rejected, <c>done</c> at the end.
/// </summary>
internal sealed record ChildEvent(
    string Kind,
    int Repetition = 0,
    double ElapsedMs = 0,
    bool Broken = false,
    string? Failure = null,
    long? Expected = null,
    long? Counted = null,
    string? Message = null)
{
    public const string Ready = "ready";
    public const string End = "end";
    public const string InputError = "input-error";
    public const string Done = "done";
}

/// <summary>Source-generated JSON for <see cref="ChildEvent"/> (no reflection, no trimming surprises).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChildEvent))]
internal sealed partial class ChildJsonContext : JsonSerializerContext;
