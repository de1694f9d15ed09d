using System.Runtime.InteropServices;
using System.Text.Json;

namespace ScheduleExplorer.Rewriting.Loading;

/// <summary>
/// The installed folders of the shared frameworks a target's runtimeconfig names besides
/// Microsoft.NETCore.App (the host's own runtime): the highest installed version of the same major
/// version and at least the one asked for, as the host's roll-forward picks it.
/// </summary>
internal static class SharedFrameworks
{
    private const string CoreFramework = "Microsoft.NETCore.App";

    public static IReadOnlyList<string> Directories(string runtimeConfigPath)
    {
        var directories = new List<string>();
        string? sharedRoot = SharedRoot();
        if (sharedRoot is null)
        {
            return directories;
        }

        foreach (var (name, version) in Read(runtimeConfigPath))
        {
            if (!string.Equals(name, CoreFramework, StringComparison.OrdinalIgnoreCase) && Best(Path.Combine(sharedRoot, name), version) is { } directory)
            {
                directories.Add(directory);
            }
        }

        return directories;
    }

    private static string? SharedRoot()
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/shared
        var runtime = new DirectoryInfo(Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory()));
        return runtime.Parent?.Parent is { } shared && shared.Exists ? shared.FullName : null;
    }

    private static List<(string Name, Version Version)> Read(string path)
    {
        var frameworks = new List<(string, Version)>();
        if (!File.Exists(path))
        {
            return frameworks;
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("runtimeOptions", out var options))
            {
                return frameworks;
            }

            if (options.TryGetProperty("framework", out var single))
            {
                Add(frameworks, single);
            }

            if (options.TryGetProperty("frameworks", out var several) && several.ValueKind == JsonValueKind.Array)
            {
                foreach (var framework in several.EnumerateArray())
                {
                    Add(frameworks, framework);
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            frameworks.Clear();
        }

        return frameworks;
    }

    private static void Add(List<(string, Version)> frameworks, JsonElement framework)
    {
        if (framework.ValueKind == JsonValueKind.Object
            && framework.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            && framework.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
            && ParseVersion(version.GetString()!) is { } parsed)
        {
            frameworks.Add((name.GetString()!, parsed));
        }
    }

    private static string? Best(string frameworkRoot, Version wanted)
    {
        if (!Directory.Exists(frameworkRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(frameworkRoot)
            .Select(d => (Directory: d, Version: ParseVersion(Path.GetFileName(d))))
            .Where(c => c.Version is { } v && v.Major == wanted.Major && v >= wanted)
            .OrderByDescending(c => c.Version)
            .Select(c => c.Directory)
            .FirstOrDefault();
    }

    private static Version? ParseVersion(string text)
    {
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        return Version.TryParse(dash < 0 ? text : text[..dash], out var version) ? version : null;
    }
}
