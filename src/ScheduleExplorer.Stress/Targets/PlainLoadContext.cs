using System.Reflection;
using System.Runtime.Loader;

namespace ScheduleExplorer.Stress.Targets;

/// <summary>
/// Loads a workload assembly exactly as built — no rewriting — with its own dependencies resolved from
/// its folder (through its deps.json when there is one), so the real run executes the user's code as is.
/// </summary>
internal sealed class PlainLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    /// <summary>Creates a context for the assembly at <paramref name="mainAssemblyPath"/>.</summary>
    public PlainLoadContext(string mainAssemblyPath, bool isCollectible)
        : base($"schedex stress: {Path.GetFileName(mainAssemblyPath)}", isCollectible)
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Framework assemblies come from the default context (one System.Private.CoreLib); the rest from the workload's folder.
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
