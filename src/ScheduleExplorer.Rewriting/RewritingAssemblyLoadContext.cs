using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using ScheduleExplorer.Rewriting.Diagnostics;
using ScheduleExplorer.Rewriting.Modules;

namespace ScheduleExplorer.Rewriting;

/// <summary>
/// A collectible load context holding rewritten workload code. The runtime assembly, its
/// dependencies, the framework, NUnit and Mono.Cecil always come from the default context (the
/// shims' statics must be the engine's); an assembly found next to the main one is loaded here,
/// rewritten in memory when <c>shouldRewrite</c> says so (and it is not already rewritten),
/// otherwise as is. Everything is loaded from streams with its portable PDB, so line information
/// works and no file is locked.
/// </summary>
public sealed class RewritingAssemblyLoadContext : AssemblyLoadContext
{
    private readonly string _mainAssemblyPath;
    private readonly string _directory;
    private readonly AssemblyRewriter _rewriter;
    private readonly Func<AssemblyName, bool> _shouldRewrite;
    private readonly HashSet<string> _shared;
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
        if (name is null || IsShared(name))
        {
            return null;
        }

        string candidate = Path.Combine(_directory, name + ".dll");
        if (!File.Exists(candidate))
        {
            return null;
        }

        lock (_gate)
        {
            return LoadFile(candidate, _shouldRewrite(assemblyName));
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
    /// Framework assemblies, the harness, NUnit and Mono.Cecil, and whatever the runtime assembly
    /// references, when already loaded in the default context.
    /// </summary>
    private bool IsShared(string name)
    {
        if (_shared.Contains(name) || AssemblyKinds.WhyNeverRewritten(name, _rewriter.RuntimeAssemblyName) is not null)
        {
            return true;
        }

        return File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), name + ".dll"));
    }

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
