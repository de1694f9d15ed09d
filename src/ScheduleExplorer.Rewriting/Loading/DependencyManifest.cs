using System.Text.Json;

namespace ScheduleExplorer.Rewriting.Loading;

/// <summary>
/// What a target's <c>deps.json</c> says about its NuGet packages: for each runtime asset of the
/// runtime target, the package folder (relative to a package root) and the asset's path in it.
/// A missing or malformed file reads as empty: the folder beside the target still applies.
/// </summary>
internal sealed class DependencyManifest
{
    private DependencyManifest(IReadOnlyList<(string PackagePath, string Asset)> assets) => PackageRuntimeAssets = assets;

    /// <summary>(package folder such as "microsoft.extensions.primitives/10.0.0", asset such as "lib/net10.0/Microsoft.Extensions.Primitives.dll").</summary>
    public IReadOnlyList<(string PackagePath, string Asset)> PackageRuntimeAssets { get; }

    public static DependencyManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            return new DependencyManifest([]);
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return new DependencyManifest(Assets(document.RootElement));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException)
        {
            return new DependencyManifest([]);
        }
    }

    private static List<(string, string)> Assets(JsonElement root)
    {
        var assets = new List<(string, string)>();
        if (!root.TryGetProperty("runtimeTarget", out var runtimeTarget)
            || !runtimeTarget.TryGetProperty("name", out var targetName)
            || !root.TryGetProperty("targets", out var targets)
            || !targets.TryGetProperty(targetName.GetString() ?? string.Empty, out var target)
            || !root.TryGetProperty("libraries", out var libraries))
        {
            return assets;
        }

        foreach (var library in target.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("runtime", out var runtime)
                || !libraries.TryGetProperty(library.Name, out var description)
                || !description.TryGetProperty("type", out var type) || type.GetString() != "package")
            {
                continue;
            }

            string packagePath = description.TryGetProperty("path", out var path) && path.GetString() is { } p
                ? p
                : library.Name.ToLowerInvariant();
            foreach (var asset in runtime.EnumerateObject())
            {
                if (asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    assets.Add((packagePath, asset.Name.Replace('/', Path.DirectorySeparatorChar)));
                }
            }
        }

        return assets;
    }
}
