using System.Text.Json.Serialization;

namespace ScheduleExplorer.Cli.Reports;

/// <summary>Source-generated JSON for <see cref="RunSummary"/>: camelCase, indented, nulls written.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class RunSummaryJsonContext : JsonSerializerContext;
