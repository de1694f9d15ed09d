using System.IO.Compression;
using System.Text.Json;

namespace ScheduleExplorer.Traces;

/// <summary>Reads and writes traces: JSON files written atomically, and short copy-pasteable tokens.</summary>
public static class TraceSerializer
{
    private const string TokenPrefix = "schedex1:";

    /// <summary>The trace as UTF-8 JSON bytes (deterministic for equal traces).</summary>
    public static byte[] ToUtf8(ScheduleTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var json = JsonSerializer.SerializeToUtf8Bytes(trace, TraceJsonContext.Default.ScheduleTrace);
        return [.. json, (byte)'\n'];
    }

    /// <summary>The largest trace file or decompressed token read (a 1,000,000-step trace is about 100 MB).</summary>
    public const long MaxTraceBytes = 256L * 1024 * 1024;

    /// <summary>Parses a trace; throws <see cref="TraceFormatException"/> with a one-line reason.</summary>
    /// <exception cref="TraceFormatException">The text is not a valid trace of this format version.</exception>
    public static ScheduleTrace FromUtf8(ReadOnlySpan<byte> json, string source = "trace")
    {
        ScheduleTrace? trace;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("formatVersion", out var version)
                || !document.RootElement.TryGetProperty("steps", out _))
            {
                throw new TraceFormatException($"{source} is not a ScheduleExplorer trace (no formatVersion or steps).");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number) || number != ScheduleTrace.CurrentFormatVersion)
            {
                throw new TraceFormatException($"{source} has trace format version {Shorten(version.GetRawText())}, but this build reads version {ScheduleTrace.CurrentFormatVersion}.");
            }

            trace = document.RootElement.Deserialize(TraceJsonContext.Default.ScheduleTrace);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or OverflowException)
        {
            throw new TraceFormatException($"{source} is not a valid trace: {Shorten(e.Message.Split('\n')[0])}", e);
        }

        if (trace is null)
        {
            throw new TraceFormatException($"{source} is not a valid trace: empty document.");
        }

        TraceValidator.Validate(trace, source);
        return trace;
    }

    /// <summary>Writes <paramref name="trace"/> to <paramref name="path"/> atomically (temp file, then rename).</summary>
    public static void WriteFile(ScheduleTrace trace, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Common.AtomicFile.WriteAllBytes(full, ToUtf8(trace));
    }

    /// <summary>
    /// Reads a trace file: a regular file of at most <see cref="MaxTraceBytes"/> bytes (a FIFO, a
    /// device or a folder is refused before it is opened, so it can neither block nor fill memory).
    /// </summary>
    /// <exception cref="TraceFormatException">The file is missing, not a regular file, too large or not a valid trace.</exception>
    public static ScheduleTrace ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromUtf8(TraceFiles.ReadBounded(path, MaxTraceBytes), Path.GetFileName(path));
    }

    /// <summary>A short copy-pasteable token holding the whole trace (deflated, base64url).</summary>
    public static string ToToken(ScheduleTrace trace)
    {
        var compact = JsonSerializer.SerializeToUtf8Bytes(trace, new TraceJsonContext(new JsonSerializerOptions(TraceJsonContext.Default.Options) { WriteIndented = false }).ScheduleTrace);
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(compact);
        }

        return TokenPrefix + Convert.ToBase64String(buffer.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Parses a token made by <see cref="ToToken"/>.</summary>
    /// <exception cref="TraceFormatException">The token is not a valid trace token.</exception>
    public static ScheduleTrace FromToken(string token)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            throw new TraceFormatException($"not a ScheduleExplorer trace token (expected the prefix '{TokenPrefix}').");
        }

        try
        {
            var base64 = token[TokenPrefix.Length..].Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            using var input = new DeflateStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
            return FromUtf8(TraceFiles.ReadAtMost(input, MaxTraceBytes, "the trace token"), "token");
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new TraceFormatException($"the trace token is corrupt: {e.Message}", e);
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>Whether a string looks like a trace token rather than a path.</summary>
    public static bool IsToken(string text) => text.StartsWith(TokenPrefix, StringComparison.Ordinal);
}
