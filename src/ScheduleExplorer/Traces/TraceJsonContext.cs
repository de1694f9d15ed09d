using System.Text.Json.Serialization;

namespace ScheduleExplorer.Traces;

/// <summary>Source-generated System.Text.Json metadata for traces (typed, no reflection, no string parsing).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ScheduleTrace))]
internal sealed partial class TraceJsonContext : JsonSerializerContext
{
}
