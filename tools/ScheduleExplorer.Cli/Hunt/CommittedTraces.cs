using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Hunt;

/// <summary>
/// Keeps committed traces byte for byte when a hunt re-records the same schedule and bug: only a
/// changed schedule or bug is a reason to rewrite a trace, not the MVID of a fresh build (a fresh
/// clone's build has another) nor the harness version.
/// </summary>
internal sealed class CommittedTraces
{
    private readonly Dictionary<string, byte[]> _before;

    private CommittedTraces(Dictionary<string, byte[]> before) => _before = before;

    /// <summary>The bytes of every trace in <paramref name="directory"/> before a run.</summary>
    public static CommittedTraces Snapshot(string? directory)
    {
        var before = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (directory is not null && Directory.Exists(directory))
        {
            foreach (string path in Directory.EnumerateFiles(directory, "*.json"))
            {
                var info = new FileInfo(path);
                if (info.Length is > 0 and <= TraceSerializer.MaxTraceBytes && !info.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    before[Path.GetFullPath(path)] = File.ReadAllBytes(path);
                }
            }
        }

        return new CommittedTraces(before);
    }

    /// <summary>
    /// Puts the earlier bytes of <paramref name="path"/> back when the trace written there differs
    /// from them only in descriptive fields (MVID, harness); returns whether it did.
    /// </summary>
    public bool KeepIfUnchanged(string path)
    {
        if (!_before.TryGetValue(Path.GetFullPath(path), out byte[]? old))
        {
            return false;
        }

        ScheduleTrace earlier, now;
        try
        {
            earlier = TraceSerializer.FromUtf8(old);
            now = TraceSerializer.ReadFile(path);
        }
        catch (TraceFormatException)
        {
            return false; // the old file was not a valid trace: the new one replaces it
        }

        byte[] normalized = TraceSerializer.ToUtf8(earlier with { Mvid = now.Mvid, Harness = now.Harness });
        if (!normalized.AsSpan().SequenceEqual(TraceSerializer.ToUtf8(now)))
        {
            return false;
        }

        Common.AtomicFile.WriteAllBytes(path, old);
        return true;
    }
}
