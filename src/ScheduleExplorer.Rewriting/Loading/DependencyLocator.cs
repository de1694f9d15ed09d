using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace ScheduleExplorer.Rewriting.Loading;

/// <summary>
/// Finds the file of a dependency the way the .NET host finds it for the target application: its
/// <c>deps.json</c> through <see cref="AssemblyDependencyResolver"/>, the folder beside it, the
/// NuGet package folders for package assets a built (not published) library leaves there, and the
/// shared frameworks its runtimeconfig names (Microsoft.AspNetCore.App, …).
/// </summary>
public sealed class DependencyLocator
{
    private readonly string _directory;
    private readonly AssemblyDependencyResolver? _resolver;
    private readonly Dictionary<string, string> _packageAssets;
    private readonly IReadOnlyList<string> _frameworkDirectories;

    /// <summary>Reads the layout of the target at <paramref name="mainAssemblyPath"/>; a missing or malformed deps.json or runtimeconfig reads as empty.</summary>
    /// <param name="mainAssemblyPath">The target assembly, its deps.json and runtimeconfig.json beside it.</param>
    public DependencyLocator(string mainAssemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mainAssemblyPath);
        mainAssemblyPath = Path.GetFullPath(mainAssemblyPath);
        _directory = Path.GetDirectoryName(mainAssemblyPath)!;
        _resolver = CreateResolver(mainAssemblyPath);
        var manifest = DependencyManifest.Read(Path.ChangeExtension(mainAssemblyPath, ".deps.json"));
        _packageAssets = PackageAssets(manifest);
        _frameworkDirectories = SharedFrameworks.Directories(Path.ChangeExtension(mainAssemblyPath, ".runtimeconfig.json"));
    }

    /// <summary>The shared-framework folders the target names besides Microsoft.NETCore.App.</summary>
    public IReadOnlyList<string> FrameworkDirectories => _frameworkDirectories;

    /// <summary>The file holding <paramref name="name"/>, or null when the target's layout has none.</summary>
    /// <param name="name">The assembly asked for.</param>
    public string? Locate(AssemblyName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryResolver(name) is { } resolved)
        {
            return resolved;
        }

        string file = name.Name + ".dll";
        string beside = Path.Combine(_directory, file);
        if (File.Exists(beside))
        {
            return beside;
        }

        if (_packageAssets.TryGetValue(name.Name!, out string? asset))
        {
            return asset;
        }

        return _frameworkDirectories.Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);
    }

    /// <summary>Whether <paramref name="path"/> lies in a shared framework (never rewritten).</summary>
    /// <param name="path">A file <see cref="Locate"/> returned.</param>
    public bool IsInSharedFramework(string path)
    {
        string full = Path.GetFullPath(path);
        return _frameworkDirectories.Any(d => full.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            || full.StartsWith(Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()), StringComparison.Ordinal);
    }

    private string? TryResolver(AssemblyName name)
    {
        try
        {
            return _resolver?.ResolveAssemblyToPath(name) is { } path && File.Exists(path) ? path : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static AssemblyDependencyResolver? CreateResolver(string mainAssemblyPath)
    {
        try
        {
            return new AssemblyDependencyResolver(mainAssemblyPath);
        }
        catch (InvalidOperationException)
        {
            // A malformed deps.json: the folder, the package cache and the frameworks still apply.
            return null;
        }
    }

    /// <summary>Assembly name → file in a NuGet package folder, for every runtime asset the manifest lists.</summary>
    private static Dictionary<string, string> PackageAssets(DependencyManifest manifest)
    {
        var assets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var roots = PackageRoots();
        foreach (var (packagePath, asset) in manifest.PackageRuntimeAssets)
        {
            string name = Path.GetFileNameWithoutExtension(asset);
            if (assets.ContainsKey(name))
            {
                continue;
            }

            foreach (string root in roots)
            {
                string candidate = Path.Combine(root, packagePath, asset);
                if (File.Exists(candidate))
                {
                    assets[name] = candidate;
                    break;
                }
            }
        }

        return assets;
    }

    private static List<string> PackageRoots()
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured)
        {
            roots.Add(configured);
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
        {
            roots.Add(Path.Combine(home, ".nuget", "packages"));
        }

        return roots;
    }
}
