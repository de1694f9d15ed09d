using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using ScheduleExplorer.Rewriting.Diagnostics;
using ScheduleExplorer.Rewriting.Loading;
using ScheduleExplorer.Rewriting.Modules;

namespace ScheduleExplorer.Rewriting;

/// <summary>
/// A collectible load context holding rewritten workload code. The runtime assembly and the host's
/// runtime always come from the default context (the shims' statics must be the engine's); the
/// runtime's dependencies, NUnit, Mono.Cecil and <c>Microsoft.*</c>/<c>System.*</c> packages come from
/// it too when the host holds a version at least the one asked for. Everything else is found as the
/// .NET host finds it for the target (its deps.json, its folder, the NuGet package folders, the shared
/// frameworks its runtimeconfig names) and loaded here: user code rewritten in memory when
/// <c>shouldRewrite</c> says so (and it is not already rewritten), packages and frameworks as is. Everything is loaded from streams with its portable PDB, so line information
/// works and no file is locked.
/// </summary>
public sealed class RewritingAssemblyLoadContext : AssemblyLoadContext
{
    private readonly string _mainAssemblyPath;
    private readonly string _directory;
    private readonly AssemblyRewriter _rewriter;
    private readonly Func<AssemblyName, bool> _shouldRewrite;
    private readonly HashSet<string> _shared;
    private readonly DependencyLocator _locator;
    private readonly HostAssemblies _host;
    private readonly Lock _gate = new();

    /// <summary>Creates a context for the workload at <paramref name="mainAssemblyPath"/>.</summary>
    /// <param name="mainAssemblyPath">The workload assembly; <see cref="LoadMain"/> loads it rewritten.</param>
    /// <param name="rewriter">The rewriter (holding the runtime path and options).</param>
    /// <param name="shouldRewrite">Whether a dependency found next to the main assembly is rewritten.</param>
    public RewritingAssemblyLoadContext(string mainAssemblyPath, AssemblyRewriter rewriter, Func<AssemblyName, bool> shouldRewrite)
        : base("ScheduleExplorer:" + Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mainAssemblyPath);
        ArgumentNullException.ThrowIfNull(rewriter);
        ArgumentNullException.ThrowIfNull(shouldRewrite);
        _mainAssemblyPath = Path.GetFullPath(mainAssemblyPath);
        _directory = Path.GetDirectoryName(_mainAssemblyPath)!;
        _rewriter = rewriter;
        _shouldRewrite = shouldRewrite;
        _shared = SharedAssemblyNames(rewriter.RuntimeAssemblyName);
        _locator = new DependencyLocator(_mainAssemblyPath);
        _host = new HostAssemblies();
    }

    /// <summary>Loads the main assembly, rewritten (or as is when it was already rewritten on disk); idempotent.</summary>
    /// <exception cref="RewritingException">The file is missing or not a .NET assembly.</exception>
    public Assembly LoadMain()
    {
        // No field may hold a loaded assembly: after Unload the runtime keeps this context alive
        // through a strong handle until its assemblies are collected, so such a field would leak it.
        lock (_gate)
        {
            string name = Path.GetFileNameWithoutExtension(_mainAssemblyPath);
            return Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase))
                ?? LoadFile(_mainAssemblyPath, rewrite: true);
        }
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? name = assemblyName.Name;
        if (name is null || IsHostOnly(name))
        {
            return null;
        }

        bool neverRewritten = _shared.Contains(name) || AssemblyKinds.WhyNeverRewritten(name, _rewriter.RuntimeAssemblyName) is not null;
        if (neverRewritten && _host.Provides(assemblyName))
        {
            // One copy of NUnit, the logging abstractions, … when the host has a good enough one.
            return null;
        }

        if (_locator.Locate(assemblyName) is not { } path)
        {
            return null;
        }

        lock (_gate)
        {
            bool rewrite = !neverRewritten && !_locator.IsInSharedFramework(path) && _shouldRewrite(assemblyName);
            return LoadFile(path, rewrite);
        }
    }

    private Assembly LoadFile(string path, bool rewrite)
    {
        if (rewrite && !RewriteMarker.IsRewritten(path))
        {
            RewrittenAssembly rewritten = _rewriter.Rewrite(path);
            RewriterLog.Loading(_rewriter.Logger, Name ?? string.Empty, rewritten.AssemblyName, "rewritten in memory");
            return LoadFromBytes(rewritten.Image, rewritten.Symbols);
        }

        if (!File.Exists(path))
        {
            throw new RewritingException($"file not found: {path}");
        }

        string pdb = Path.ChangeExtension(path, ".pdb");
        RewriterLog.Loading(_rewriter.Logger, Name ?? string.Empty, Path.GetFileName(path), "loaded as is");
        return LoadFromBytes(File.ReadAllBytes(path), File.Exists(pdb) ? File.ReadAllBytes(pdb) : null);
    }

    private Assembly LoadFromBytes(byte[] image, byte[]? symbols)
    {
        using var imageStream = new MemoryStream(image, writable: false);
        using MemoryStream? symbolStream = symbols is null ? null : new MemoryStream(symbols, writable: false);
        return LoadFromStream(imageStream, symbolStream);
    }

    /// <summary>
    /// The runtime assembly and the host's own runtime (Microsoft.NETCore.App) always come from the
    /// default context: the shims' statics and the framework's types must be the engine's.
    /// </summary>
    private bool IsHostOnly(string name) =>
        string.Equals(name, _rewriter.RuntimeAssemblyName, StringComparison.OrdinalIgnoreCase)
        || File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), name + ".dll"));

    private static HashSet<string> SharedAssemblyNames(string runtimeName)
    {
        var shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { runtimeName };
        var pending = new Queue<Assembly>(Default.Assemblies.Where(a => string.Equals(a.GetName().Name, runtimeName, StringComparison.OrdinalIgnoreCase)));
        while (pending.TryDequeue(out Assembly? assembly))
        {
            foreach (AssemblyName reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && shared.Add(name)
                    && Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name) is { } loaded)
                {
                    pending.Enqueue(loaded);
                }
            }
        }

        return shared;
    }
}
