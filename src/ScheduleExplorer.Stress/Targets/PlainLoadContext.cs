using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using ScheduleExplorer.Rewriting.Loading;

namespace ScheduleExplorer.Stress.Targets;

/// <summary>
/// Loads a workload assembly exactly as built — no rewriting — with its own dependencies resolved from
/// its folder (through its deps.json when there is one), the NuGet package folders and the shared
/// frameworks its runtimeconfig names, so the real run executes the user's code as is.
/// </summary>
internal sealed class PlainLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly DependencyLocator _locator;

    /// <summary>Creates a context for the assembly at <paramref name="mainAssemblyPath"/>.</summary>
    public PlainLoadContext(string mainAssemblyPath, bool isCollectible)
        : base($"schedex stress: {Path.GetFileName(mainAssemblyPath)}", isCollectible)
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
        _locator = new DependencyLocator(mainAssemblyPath);
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The host's runtime comes from the default context (one System.Private.CoreLib); the rest as the target's host would find it.
        if (assemblyName.Name is null || File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), assemblyName.Name + ".dll")))
        {
            return null;
        }

        string? path = _locator.Locate(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
