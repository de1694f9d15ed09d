using System.Text.Json;
using System.Text.Json.Serialization;
using ScheduleExplorer.Stress.Demos;
using ScheduleExplorer.Stress.Measure;
using ScheduleExplorer.Stress.Running;

namespace ScheduleExplorer.Stress.Reporting;

/// <summary>Writes the reports as indented JSON (source-generated, camelCase).</summary>
public static class StressJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, StressReport report) => Write(path, report, StressJsonContext.Default.StressReport);

    /// <summary>Writes <paramref name="sweep"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, SweepResult sweep) => Write(path, sweep, StressJsonContext.Default.SweepResult);

    /// <summary>Writes <paramref name="demo"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, CpuDemoResult demo) => Write(path, demo, StressJsonContext.Default.CpuDemoResult);

    /// <summary>Writes <paramref name="demo"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IoDemoResult demo) => Write(path, demo, StressJsonContext.Default.IoDemoResult);

    /// <summary>The report as JSON text.</summary>
    public static string Serialize(StressReport report) => JsonSerializer.Serialize(report, StressJsonContext.Default.StressReport);

    private static void Write<T>(string path, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        Common.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, type));
    }
}

/// <summary>Source-generated JSON for the reports.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(StressReport))]
[JsonSerializable(typeof(SweepResult))]
[JsonSerializable(typeof(CpuDemoResult))]
[JsonSerializable(typeof(IoDemoResult))]
internal sealed partial class StressJsonContext : JsonSerializerContext;
