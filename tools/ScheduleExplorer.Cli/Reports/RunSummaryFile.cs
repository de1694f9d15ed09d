using System.Text.Encodings.Web;
using System.Text.Json;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Reports;

/// <summary>Writes a <see cref="RunSummary"/> file atomically: a CI job never reads half a report.</summary>
internal static class RunSummaryFile
{
    // Relaxed escaping keeps messages readable ("'main'", not "\u0027main\u0027"); the file is never embedded in HTML.
    private static readonly RunSummaryJsonContext s_json = new(new JsonSerializerOptions(RunSummaryJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the summary of <paramref name="report"/> to <paramref name="path"/> (temp file, then rename).</summary>
    /// <exception cref="IOException">The file or its folder cannot be written.</exception>
    public static void Write(string path, TestReport report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] json = [.. JsonSerializer.SerializeToUtf8Bytes(RunSummary.From(report), s_json.RunSummary), (byte)'\n'];
        string full = Path.GetFullPath(path);
        CliPaths.EnsureParentDirectory(full, "report");
        Common.AtomicFile.WriteAllBytes(full, json);
    }
}
