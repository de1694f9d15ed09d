using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mono.Cecil;
using ScheduleExplorer.Rewriting.Diagnostics;
using ScheduleExplorer.Rewriting.Modules;
using ScheduleExplorer.Rewriting.Passes;
using ScheduleExplorer.Rewriting.Shims;

namespace ScheduleExplorer.Rewriting;

/// <summary>
/// Rewrites a workload assembly with Mono.Cecil so that every concurrency call goes to the
/// controlled shims of the runtime assembly and every access to shared memory, every loop
/// back-edge and every uncontrolled concurrency API reports to the runtime. Outside a controlled
/// run the shims behave exactly like the BCL, so rewritten code also runs normally.
/// </summary>
/// <remarks>
/// The output is deterministic (same input, same bytes) and keeps the portable PDB, so stack
/// traces and breakpoints keep their file and line. Rewritten modules carry a marker type
/// (<c>&lt;ScheduleExplorer&gt;Rewritten</c>); rewriting one again throws a
/// <see cref="RewritingException"/> ("already rewritten"). Thread-safe (rewrites are serialized).
/// </remarks>
public sealed class AssemblyRewriter
{
    private readonly RewritingOptions _options;
    private readonly ModuleRewriter _moduleRewriter = new();
    private readonly Lock _gate = new();
    private ShimAssembly? _runtime;
    private ShimResolver? _shims;

    /// <summary>Creates a rewriter; the runtime assembly is read on the first rewrite.</summary>
    public AssemblyRewriter(RewritingOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RuntimeAssemblyPath);
        _options = options;
        Logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The logger.</summary>
    internal ILogger Logger { get; }

    /// <summary>The runtime assembly's simple name ("ScheduleExplorer").</summary>
    internal string RuntimeAssemblyName => Path.GetFileNameWithoutExtension(_options.RuntimeAssemblyPath);

    /// <summary>Rewrites the assembly at <paramref name="assemblyPath"/> in memory.</summary>
    /// <exception cref="RewritingException">The file is missing, not a .NET assembly, already rewritten, or never rewritable.</exception>
    public RewrittenAssembly Rewrite(string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        string path = Path.GetFullPath(assemblyPath);
        lock (_gate)
        {
            (ShimAssembly runtime, ShimResolver shims) = EnsureRuntime();
            using DefaultAssemblyResolver resolver = CreateResolver(path);
            using AssemblyDefinition assembly = AssemblyIo.Read(path, resolver, Logger, out bool hasSymbols);
            CheckRewritable(assembly, path, runtime.Name);
            try
            {
                RewrittenAssembly result = RewriteLoaded(assembly, hasSymbols, runtime, shims);
                RewriterLog.Rewrote(Logger, result.AssemblyName, result.Statistics);
                if (result.UncontrolledCallSites.Count > 0)
                {
                    // The static scan: the user learns it before the first iteration, not after a hang.
                    RewriterLog.UncontrolledCalls(Logger, result.AssemblyName, result.UncontrolledCallSites.Count, RewriterLog.List(result.UncontrolledCallSites));
                }

                if (result.NondeterministicCallSites.Count > 0)
                {
                    RewriterLog.NondeterministicCalls(Logger, result.AssemblyName, result.NondeterministicCallSites.Count, RewriterLog.List(result.NondeterministicCallSites));
                }

                return result;
            }
            catch (AssemblyResolutionException e)
            {
                throw new RewritingException(
                    $"cannot rewrite {Path.GetFileName(path)}: dependency not found: {e.AssemblyReference.FullName} (put it next to the assembly)", e);
            }
        }
    }

    /// <summary>
    /// Rewrites the assembly at <paramref name="assemblyPath"/> and writes it (same file name) and
    /// its PDB into <paramref name="outputDirectory"/>, each atomically (a temporary file, then a
    /// rename over the target). A stale PDB of that name is removed when the input has none.
    /// </summary>
    /// <exception cref="RewritingException">As for <see cref="Rewrite"/>.</exception>
    public RewrittenAssembly RewriteToDirectory(string assemblyPath, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        RewrittenAssembly result = Rewrite(assemblyPath);
        Directory.CreateDirectory(outputDirectory);
        string dll = Path.Combine(Path.GetFullPath(outputDirectory), Path.GetFileName(assemblyPath));
        string pdb = Path.ChangeExtension(dll, ".pdb");
        if (result.Symbols is { } symbols)
        {
            Common.AtomicFile.WriteAllBytes(pdb, symbols);
        }
        else if (File.Exists(pdb))
        {
            File.Delete(pdb);
        }

        Common.AtomicFile.WriteAllBytes(dll, result.Image);
        RewriterLog.Wrote(Logger, dll);
        return result;
    }

    private RewrittenAssembly RewriteLoaded(AssemblyDefinition assembly, bool hasSymbols, ShimAssembly runtime, ShimResolver shims)
    {
        Guid originalMvid = assembly.MainModule.Mvid;
        var statistics = new StatisticsCounter();
        foreach (ModuleDefinition module in assembly.Modules)
        {
            var imports = new ModuleImports(module, runtime.Hooks);
            _moduleRewriter.Rewrite(new ModuleRewriteContext(module, shims, imports, _options, statistics));
            IReadOnlyList<string> generic = StaticStateEmitter.Emit(module, ModuleRewriter.IsExcluded, imports.GenericStatics);
            if (generic.Count > 0)
            {
                RewriterLog.GenericStaticsKept(Logger, assembly.Name.Name, string.Join(", ", generic));
            }
        }

        RewriteMarker.Mark(assembly.MainModule);
        (byte[] image, byte[]? symbols) = AssemblyIo.Write(assembly, hasSymbols);
        return new RewrittenAssembly(assembly.Name.Name, originalMvid, image, symbols, statistics.ToStatistics())
        {
            UncontrolledCallSites = [.. statistics.UncontrolledCallSites],
            NondeterministicCallSites = [.. statistics.NondeterministicCallSites],
        };
    }

    private (ShimAssembly Runtime, ShimResolver Shims) EnsureRuntime()
    {
        if (_runtime is null || _shims is null)
        {
            var runtime = ShimAssembly.Read(Path.GetFullPath(_options.RuntimeAssemblyPath));
            foreach (string hook in runtime.Hooks.Missing())
            {
                RewriterLog.MissingHook(Logger, runtime.Name, hook);
            }

            _shims = new ShimResolver(runtime);
            _runtime = runtime;
        }

        return (_runtime, _shims);
    }

    private DefaultAssemblyResolver CreateResolver(string assemblyPath)
    {
        var resolver = new DefaultAssemblyResolver();
        foreach (string directory in resolver.GetSearchDirectories())
        {
            resolver.RemoveSearchDirectory(directory);
        }

        resolver.AddSearchDirectory(Path.GetDirectoryName(assemblyPath)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(_options.RuntimeAssemblyPath))!);
        resolver.AddSearchDirectory(RuntimeEnvironment.GetRuntimeDirectory());
        return resolver;
    }

    private static void CheckRewritable(AssemblyDefinition assembly, string path, string runtimeName)
    {
        string file = Path.GetFileName(path);
        if (AssemblyKinds.WhyNeverRewritten(assembly.Name.Name, runtimeName) is { } reason)
        {
            throw new RewritingException($"never rewritten: {file} is {reason}");
        }

        if (RewriteMarker.RewrittenBy(assembly.MainModule) is { } version)
        {
            throw new RewritingException($"already rewritten: {file} (by ScheduleExplorer {version})");
        }
    }
}
