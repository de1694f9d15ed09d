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
    public static void Write(string path, TestReport report) => Write(path, RunSummary.From(report));

    /// <summary>Writes <paramref name="summary"/> to <paramref name="path"/> (temp file, then rename).</summary>
    /// <exception cref="IOException">The file or its folder cannot be written.</exception>
    public static void Write(string path, RunSummary summary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(summary);
        byte[] json = [.. JsonSerializer.SerializeToUtf8Bytes(summary, s_json.RunSummary), (byte)'\n'];
        string full = Path.GetFullPath(path);
        CliPaths.EnsureParentDirectory(full, "report");
        Common.AtomicFile.WriteAllBytes(full, json);
    }

    /// <summary>Reads a report written by <see cref="Write(string, RunSummary)"/>.</summary>
    /// <exception cref="IOException">The file is missing or is not a schedex report.</exception>
    public static RunSummary Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new IOException($"report not found: {path}");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), s_json.RunSummary)
                ?? throw new IOException($"{path} is not a schedex report (empty document).");
        }
        catch (JsonException e)
        {
            throw new IOException($"{path} is not a schedex report: {CliConsole.FirstLine(e.Message)}", e);
        }
    }
}
