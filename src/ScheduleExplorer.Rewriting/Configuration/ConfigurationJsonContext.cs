using System.Text.Json.Serialization;

namespace ScheduleExplorer.Rewriting.Configuration;

/// <summary>Source-generated System.Text.Json metadata for <see cref="ConfigurationDocument"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConfigurationDocument))]
internal sealed partial class ConfigurationJsonContext : JsonSerializerContext
{
}
