using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Coyote;

/// <summary>
/// Rewrites a workload assembly with Coyote's own rewriter into a private temporary folder, once per
/// process and file version, and loads the rewritten copy. The original file is never changed.
/// </summary>
internal static class CoyoteRewriter
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> s_loaded = new(StringComparer.Ordinal);
    private static readonly Lazy<string> s_root = new(CreateRoot);

    /// <summary>The rewritten, loaded copy of <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="WorkloadException">The file is missing or Coyote cannot rewrite it.</exception>
    public static Assembly Load(string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        string fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new WorkloadException($"assembly not found: {fullPath}");
        }

        var file = new FileInfo(fullPath);
        string key = string.Create(CultureInfo.InvariantCulture, $"{fullPath}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
        return s_loaded.GetOrAdd(key, _ => new Lazy<Assembly>(() => RewriteAndLoad(fullPath))).Value;
    }

    private static Assembly RewriteAndLoad(string fullPath)
    {
        string output = Path.Combine(s_root.Value, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(output);
        try
        {
            CoyoteInternals.Rewrite(Path.GetDirectoryName(fullPath)!, output, [fullPath], rewriteMemoryAccesses: true);
        }
        catch (InvalidOperationException e)
        {
            throw new WorkloadException($"Coyote could not rewrite {Path.GetFileName(fullPath)}: {e.Message}", e);
        }

        string name = Path.GetFileNameWithoutExtension(fullPath);
        var context = new CoyoteWorkloadLoadContext(output, [name]);
        return context.LoadFromAssemblyName(new AssemblyName(name));
    }

    private static string CreateRoot()
    {
        // One folder per process, removed when it exits (rewritten files stay mapped until then).
        string root = Path.Combine(Path.GetTempPath(), "schedex-coyote", string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
